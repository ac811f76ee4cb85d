// Chinese names for the contract's codes: statutory parts, indicator kinds and
// the canonical indicator ids of the taxonomy (domain.md §3.2). Unknown codes
// are shown as they are.
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
  ratio: '比率', duration: '时长', range_low: '区间下限', range_high: '区间上限', per_capita: '人均',
};

export const BOUND_NAMES = { min: '下限（至少）', max: '上限（至多）', approx: '约数' };

const GROUPS = {
  L: '组织领导', R: '制度建设', D: '依法决策', E: '行政执法', S: '政务服务',
  T: '政务公开', O: '监督', X: '争议化解', P: '普法学法',
};

const CATEGORY_NAMES = {
  L1: '专题研究法治', L2: '领导学法', L3: '考核督察', L4: '述法与宪法宣誓',
  R1: '制定规范性文件', R2: '修订规范性文件', R3: '废止清理文件', R4: '备案审查', R5: '立法项目',
  D1: '合法性审查', D2: '公平竞争审查', D3: '重大行政决策', D4: '法律顾问', D5: '政府合同',
  E1: '执法检查', E2: '行政处罚', E3: '行政许可', E4: '执法人员培训', E5: '三项制度', E6: '权责清单',
  S1: '政务服务效能', S2: '惠企资金',
  T1: '主动公开', T2: '依申请公开', T3: '政策解读',
  O1: '人大代表建议', O2: '政协提案', O3: '建议提案办结率',
  X1: '行政复议', X2: '复议纠错率', X3: '行政诉讼', X4: '败诉率', X5: '出庭应诉', X6: '信访',
  X7: '调解化解', X8: '履行生效裁判',
  P1: '普法活动', P2: '普法受众', P3: '干部法治培训',
};

export function partName(p) {
  return p ? PART_NAMES[p] || p : '（未归部分）';
}

export function kindName(k) {
  return k ? KIND_NAMES[k] || k : '';
}

// "D1" → "合法性审查"; a result may carry its own category_name.
export function categoryName(ind) {
  const c = typeof ind === 'string' ? ind : ind.category;
  if (typeof ind === 'object' && ind.category_name) return ind.category_name;
  if (!c) return '未归类';
  return CATEGORY_NAMES[c] || c;
}

export function categoryGroup(c) {
  if (!c) return '未归类（业务指标）';
  return GROUPS[c[0]] && /^[A-Z]\d+$/.test(c) ? GROUPS[c[0]] : categoryName(c);
}

export const SEVERITY_NAMES = { info: '提示', warning: '注意', error: '问题' };
