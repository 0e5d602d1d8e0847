/**
 * Qualitative levels (及时, 是, 达到, 显著, 优 …). Words are a level only when the whole text is made of
 * level words and a few neutral ones (已, 确保, 完成, 工作, 发放, 满意度 …): 及时完成工作 → 及时,
 * 运行正常 → 正常, but 社会稳定 or 生活水平提高 name *what* should be stable or better without saying
 * how much, and are not a level. A few words are clear targets even after such a subject
 * (居民区全覆盖 → 全覆盖, 补助资金及时发放 → 及时).
 */

interface LevelDef {
  level: string;
  /** Levels of one family written together (优.良.中.差, 是/否) are a scale, not a target. */
  family: string | null;
  /** Still a level after an unknown subject (…全覆盖, …及时发放). */
  strong: boolean;
  words: string[];
}

const L = (level: string, family: string | null, strong: boolean, words: string[]): LevelDef => ({ level, family, strong, words });

/** In priority order: when a text holds several levels, the first listed here is the one kept. */
const LEVELS: LevelDef[] = [
  L('无事故', null, true, ['无事故', '零事故', '未发生事故', '无安全事故', '未发生安全事故', '不发生安全事故']),
  L('无差错', null, true, ['无差错', '零差错', '零失误', '无失误']),
  L('无投诉', null, true, ['零投诉', '无投诉', '无有效投诉']),
  L('全覆盖', null, true, ['全覆盖', '全面覆盖', '全部覆盖']),
  L('不及时', 'timely', false, ['不及时', '未及时', '未按时', '未按期', '延期', '逾期', '滞后']),
  L('未完成', 'done', false, ['未完成', '没有完成', '没完成', '未能完成']),
  L('基本完成', 'done', false, ['基本完成']),
  L('未达到', 'reach', false, ['未达到', '没有达到', '未达标', '不达标']),
  L('基本达到', 'reach', false, ['基本达到', '基本达标']),
  L('不能', 'can', false, ['不能', '不能够', '无法', '不可以']),
  L('不合格', 'grade', false, ['不合格', '不及格']),
  L('不满意', 'satisfied', false, ['不满意']),
  L('基本满意', 'satisfied', false, ['基本满意']),
  L('及时', 'timely', true, ['及时', '即时', '实时']),
  L('按时', null, true, ['按时', '按期', '如期', '准时', '按计划', '按预计时间', '按计划时间', '按规定时间', '按时间节点', '按进度', '规定时间内', '规定时限内']),
  L('专款专用', null, true, ['专款专用']),
  L('显著', 'degree', false, ['显著', '显著提升', '显著提高', '显著改善', '显著增强', '大幅提升', '大幅提高']),
  L('明显', 'degree', false, ['明显', '明显提升', '明显提高', '明显改善', '明显增强']),
  L('有所提升', 'degree', false, ['有所提升', '有所提高', '有所改善', '有所增强', '有所增加']),
  L('提升', null, false, ['提升', '提高', '增强', '改善', '扩大', '加强', '增加', '增长', '上升', '优化', '完善']),
  L('下降', null, false, ['下降', '降低', '减少', '减轻']),
  L('优良', 'grade', false, ['优良']),
  L('优', 'grade', false, ['优', '优秀']),
  L('良', 'grade', false, ['良', '良好']),
  L('中', 'grade', false, ['中', '中等']),
  L('差', 'grade', false, ['差', '较差']),
  L('一般', 'grade', false, ['一般']),
  L('合格', 'grade', false, ['合格', '及格', '通过验收']),
  L('达到', 'reach', false, ['达到', '达标', '已达到']),
  L('满意', 'satisfied', false, ['满意', '非常满意', '比较满意', '较满意', '很满意']),
  L('完成', 'done', false, ['完成', '完工', '办结', '结项', '竣工']),
  L('准确', null, false, ['准确', '精准', '准确无误']),
  L('正常', null, false, ['正常']),
  L('稳定', null, false, ['稳定', '平稳', '稳固']),
  L('有效', null, false, ['有效']),
  L('合规', null, false, ['合规', '合法合规', '符合规定', '符合要求', '符合标准', '规范']),
  L('安全', null, false, ['安全']),
  L('较高', 'height', false, ['较高']),
  L('高', 'height', false, ['高', '很高']),
  L('较低', 'height', false, ['较低']),
  L('低', 'height', false, ['低']),
  L('能够', 'can', false, ['能够', '能', '可以']),
  L('是', 'yesno', false, ['是']),
  L('否', 'yesno', false, ['否']),
  L('有', 'have', false, ['有']),
  L('无', 'have', false, ['无', '没有']),
];

/**
 * Neutral words around a level: adverbs, generic verbs and objects, and indicator nouns (满意度,
 * 及时率), so that 满意度较高 is 较高 while 满意度 or 及时率 alone says nothing.
 */
const FILLERS = [
  '已', '已经', '均', '均已', '全部', '全面', '全', '确保', '保证', '保障', '做到', '按规定', '按要求', '按标准',
  '基本', '较为', '比较', '非常', '很', '更加', '十分', '进一步', '持续', '不断', '逐步', '稳步', '有序',
  '足额', '工作', '处理', '处置', '发放', '到位', '开展', '运行', '实施', '支付', '拨付', '上报', '报送', '兑付',
  '推进', '进行', '得到', '验收', '任务', '目标', '预期', '要求', '标准', '效果', '成效', '质量', '水平', '程度',
  '进度', '整体', '总体', '资金', '的', '地', '得', '了',
  '满意度', '满意率', '及时率', '完成率', '合格率', '覆盖率', '达标率', '知晓率', '执行率', '使用率', '准确率',
  '完好率', '到位率', '支付率',
];
const PUNCTUATION = /^[|.、,;:/·・'"“”‘’()[\]!?~-]$/;

interface Token {
  def: LevelDef | null;
  length: number;
}

const DICT = new Map<string, LevelDef | null>();
for (const f of FILLERS) DICT.set(f, null);
for (const def of LEVELS) for (const w of def.words) DICT.set(w, def);
const MAX_WORD = Math.max(...[...DICT.keys()].map((w) => w.length));

/** The segmentation of the whole text into known words with the fewest pieces, or null. */
function segment(s: string): Token[] | null {
  const best: (Token[] | null)[] = new Array(s.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < s.length; i++) {
    const here = best[i];
    if (!here) continue;
    const options: Token[] = [];
    if (PUNCTUATION.test(s[i])) options.push({ def: null, length: 1 });
    for (let n = Math.min(MAX_WORD, s.length - i); n >= 1; n--) {
      const w = s.slice(i, i + n);
      if (DICT.has(w)) options.push({ def: DICT.get(w) ?? null, length: n });
    }
    for (const t of options) {
      const j = i + t.length;
      const cand = [...here, t];
      if (!best[j] || cand.length < best[j]!.length) best[j] = cand;
    }
  }
  return best[s.length];
}

const MAX_LEVEL_TEXT = 40;

export type LevelRead = { kind: 'level'; level: string } | { kind: 'scale' } | null;

function fromTokens(tokens: Token[]): LevelRead {
  const defs = tokens.map((t) => t.def).filter((d): d is LevelDef => d !== null);
  if (defs.length === 0) return null;
  const byFamily = new Map<string, Set<string>>();
  for (const d of defs) {
    if (!d.family) continue;
    const set = byFamily.get(d.family) ?? new Set<string>();
    set.add(d.level);
    byFamily.set(d.family, set);
  }
  if ([...byFamily.values()].some((set) => set.size >= 2)) return { kind: 'scale' };
  const first = LEVELS.find((d) => defs.includes(d))!;
  return { kind: 'level', level: first.level };
}

/** Texts about the budget as a ceiling (不超出项目预算金额, 控制在预算范围内, 未超出预算项目数). */
const WITHIN_BUDGET = /(?:不|未|没有?|无)(?:超出|超过|突破|超)|控制在|范围内|以内|之内|预算内/;
const OVER_BUDGET = /(?:超出|超过|突破|超)了?(?:项目)?预算/;

/**
 * The level the words say, `scale` for a grading scale written instead of a target, or null when
 * the words are not a level.
 */
export function readLevel(s: string): LevelRead {
  if (!s || /^[|]*$/.test(s)) return null;
  if (s.includes('预算') && !/\d/.test(s)) {
    if (WITHIN_BUDGET.test(s)) return { kind: 'level', level: '预算内' };
    if (OVER_BUDGET.test(s)) return { kind: 'level', level: '超预算' };
  }
  // A level is a short phrase; a long cell is prose, and segmenting it would only cost time.
  if (s.length > MAX_LEVEL_TEXT) return null;
  const whole = segment(s);
  if (whole) return fromTokens(whole);
  // An unknown subject before a strong level word: 居民区全覆盖, 补助资金及时发放.
  for (let i = 1; i < s.length; i++) {
    const tail = segment(s.slice(i));
    const firstDef = tail?.find((t) => t.def !== null)?.def;
    if (tail && firstDef?.strong && tail[0].def === firstDef) return fromTokens(tail);
  }
  return null;
}
