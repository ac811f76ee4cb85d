// The heading tree as a navigable list: statutory parts in colour, each entry
// a button that scrolls the text to its heading.
import { h } from './dom.js';
import { PART_SHORT } from './labels.js';

export function renderOutline(container, result, onJump) {
  const build = (list, path, part) => {
    if (!list || !list.length) return null;
    return h('ol', { class: path.length ? 'sub' : 'top' }, list.map((s, i) => {
      const p = [...path, i];
      const own = path.length ? part : s.part || 'other';
      const key = p.join('-');
      return h('li', { class: `part-${own}` },
        h('button', {
          type: 'button', class: 'ol-item', dataset: { key },
          onclick: () => onJump(key),
          title: `${s.marker || ''}${s.title || ''}`,
        },
        path.length ? null : h('span', { class: `part-tag part-${own}`, text: PART_SHORT[own] || own }),
        h('span', { class: 'ol-marker', text: s.marker || '' }),
        h('span', { class: 'ol-title', text: s.title || '（无标题）' })),
        build(s.children, p, own));
    }));
  };
  const tree = build(result.sections, [], null);
  container.replaceChildren(tree || h('p', { class: 'empty', text: '未识别出标题。' }));
}
