// Chinese names for the contract's codes: statutory parts, indicator kinds,
// and the categories and groups of the analyzer's own taxonomy (read from
// core/data/taxonomy.json at build time). Unknown codes are shown as they are.
import taxonomy from '../../core/data/taxonomy.json';

export const PARTS = ['measures', 'shortcomings', 'leadership', 'plans', 'other'];

export const PART_NAMES = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  leadership: '第一责任人职责',
  plans: '下一年度安排',
  other: '其他',
};

export const PART_SHORT = {
  measures: '举措成效', shortcomings: '不足原因', leadership: '第一责任人', plans: '下年安排', other: '其他',
};

export const KIND_NAMES = {
  count: '数量', percent: '百分比', money: '金额', rank: '排名', change: '增减', share: '占比',
  ratio: '比率', duration: '时长', rank_change: '名次变化', range_low: '区间下限', range_high: '区间上限', per_capita: '人均',
};

export const BOUND_NAMES = { min: '下限（至少）', max: '上限（至多）', approx: '约数' };

const GROUP_NAMES = Object.fromEntries(taxonomy.groups.map((g) => [g.id, g.name]));
const CATEGORIES = Object.fromEntries(taxonomy.categories.map((c) => [c.id, c]));

export function partName(p) {
  return p ? PART_NAMES[p] || p : '（未归部分）';
}

export function kindName(k) {
  return k ? KIND_NAMES[k] || k : '';
}

// "legality_review" → "合法性审查"; a result may carry its own category_name.
export function categoryName(ind) {
  const c = typeof ind === 'string' ? ind : ind.category;
  if (typeof ind === 'object' && ind.category_name) return ind.category_name;
  if (!c) return '未归类';
  return CATEGORIES[c] ? CATEGORIES[c].name : c;
}

export function categoryGroup(c) {
  if (!c) return '未归类';
  const cat = CATEGORIES[c];
  return cat ? GROUP_NAMES[cat.group] || cat.group : c;
}

export const SEVERITY_NAMES = { info: '提示', warning: '注意', error: '问题' };
