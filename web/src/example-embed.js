// Script of web/example-embed.html: listens for the element's "analyzed"
// event, the way a portal page would (kept in a file: the CSP forbids inline scripts).
const lens = document.getElementById('lens');
lens.addEventListener('analyzed', (e) => {
  document.getElementById('status').textContent = `分析完成：${e.detail.indicators.length} 项指标，${e.detail.sections.length} 个一级部分。`;
});
