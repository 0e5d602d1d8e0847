/** Document kind, year, entity and unit, from the title and the table headers. */
import type { Disclosure, DocumentKind, Unit } from '../model/disclosure.js';
import { squash, type Block } from '../read/doc.js';
import { halfWidth } from './numbers.js';
import { tidy } from './tidy.js';

export function detectKind(title: string, bodySample: string): DocumentKind {
  const t = squash(title);
  if (/自评|绩效评价报告|绩效自评/.test(t)) return 'self-evaluation';
  if (/决算/.test(t)) return 'final-accounts';
  if (/预算/.test(t)) return 'budget';
  const b = squash(bodySample);
  if (/绩效自评表|自评得分/.test(b)) return 'self-evaluation';
  if (/决算数|支出决算/.test(b) && !/预算数/.test(b)) return 'final-accounts';
  return 'budget';
}

/**
 * The first year named in the title, else the most frequent 预算年度 in the tables, else the most
 * frequent year the table titles name ("2019年政府采购预算表").
 */
export function detectYear(title: string, metaTexts: string[], tableTitles: string[] = []): number | null {
  // "…委员会2026部门预算情况的说明": a title may drop the 年 before the document words.
  const m = /(20\d{2})\s*(?:年|(?=(?:部门|单位|综合)?(?:预算|决算)))/.exec(halfWidth(title));
  if (m) return Number(m[1]);
  const counts = new Map<number, number>();
  for (const t of metaTexts) {
    const y = /(?:预算年度|年度)[:：]?\s*(20\d{2})/.exec(t);
    if (y) counts.set(Number(y[1]), (counts.get(Number(y[1])) ?? 0) + 1);
  }
  if (!counts.size) {
    for (const t of tableTitles) {
      const y = /(20\d{2})\s*年/.exec(halfWidth(t));
      if (y) counts.set(Number(y[1]), (counts.get(Number(y[1])) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/**
 * The title: the opening paragraphs up to the one naming the document (…预算公开说明, …自评报告),
 * joined — a long title is often broken over two lines.
 */
export function detectTitle(blocks: Block[]): string | null {
  const opening: string[] = [];
  for (const b of blocks.slice(0, 12)) {
    if (b.type !== 'paragraph') {
      if (opening.length) break;
      continue;
    }
    const t = b.text.trim();
    // A web page's breadcrumb (当前位置：首页 > 部门预算) ends in 预算 but titles nothing.
    if (!t || BREADCRUMB.test(squash(t))) continue;
    opening.push(t);
    // A standalone 绩效目标表 / 自评表 document is titled by its form.
    if (/(公开|说明|报告|情况|预算|决算|绩效目标表|绩效自评表)$/.test(squash(t))) return tidy(opening.join(''));
    if (opening.length >= 3) break;
  }
  // No title paragraph (tables first): the first paragraph naming a disclosure.
  for (const b of blocks) {
    if (b.type === 'paragraph' && /(预算|决算).*(公开|说明)|自评报告/.test(b.text) && b.text.length < 80 && !BREADCRUMB.test(squash(b.text))) {
      return tidy(b.text).replace(/^第[一二三四五六七八九十]+部分[\s:：]*/, '');
    }
  }
  return null;
}

const ENTITY_SUFFIX = /(20\d{2}\s*年.*|20\d{2}(?:部门|单位|综合)?(?:预算|决算).*|部门预算.*|单位预算.*|部门决算.*|单位决算.*|部门综合预算.*|整体支出.*|预算公开.*|决算公开.*)$/;

/** A breadcrumb or navigation line of a web page (当前位置：首页 > 信息公开 > …): never a title or a name. */
export const BREADCRUMB = /^(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|现在位置|位置)[:：]|[>＞»›]\s*\S+\s*[>＞»›]/;

/**
 * The marker of whose budget a name or title says the document is, printed after the name:
 * （汇总）the whole department, （本级）its own office. The name itself is what precedes it.
 */
const SCOPE_MARKER = /[（(]?(汇总|本级|部门汇总|部门本级)[）)]?$/;

export function splitScope(name: string): { name: string; scope: 'department' | 'own' | null } {
  const m = SCOPE_MARKER.exec(name);
  if (!m || name.length - m[0].length < 2) return { name, scope: null };
  return { name: name.slice(0, m.index), scope: /汇总/.test(m[1]) ? 'department' : 'own' };
}

/**
 * The entity named in the title: the text before the year or the document words, without a
 * 本级/汇总 marker or the word 部门 ("北京市医疗保障局部门 2026 年度部门预算"). A bare place name
 * ("上海市2026年市级单位预算") names no entity.
 */
export function entityFromTitle(title: string): string | null {
  // "2017年度江苏省高级人民法院部门预算公开": the year may come first.
  const t = squash(title).replace(/^第.部分/, '').replace(/^20\d{2}年度?/, '');
  if (BREADCRUMB.test(t)) return null;
  // "示范市财政局关于…项目的绩效评价报告": the issuer is who speaks before 关于.
  let name = splitScope(t.replace(/关于.*$/, '').replace(ENTITY_SUFFIX, '')).name;
  if (name.length >= 6 && /部门$/.test(name)) name = name.slice(0, -2);
  if (entityRegion(name) === name || /[<>＜＞»›|｜]/.test(name)) return null;
  return name.length >= 2 && name.length < 60 ? name : null;
}

/**
 * Whose budget the title says the document is: a 本级/汇总 marker after the name, else 单位预算 one
 * unit's, 部门预算 / 部门综合预算 / 部门决算 / 部门整体支出 the department's. Null when it says neither.
 */
export function scopeFromTitle(title: string): 'department' | 'own' | 'unit' | null {
  const t = squash(title);
  const marked = splitScope(t.replace(ENTITY_SUFFIX, '')).scope;
  if (marked) return marked;
  if (/单位(?:综合)?(?:预算|决算)|单位整体支出/.test(t)) return 'unit';
  if (/部门(?:综合)?(?:预算|决算)|部门整体支出/.test(t)) return 'department';
  return null;
}

/**
 * "224中共石家庄市鹿泉区委…办公室" in table headers: the budget code and the entity's full name;
 * else "部门：江苏省…厅" (no code).
 */
export function entityFromTableHeader(
  metaTexts: string[],
  opening: string[] = [],
): { code: string | null; name: string; scope: 'department' | 'own' | null } | null {
  for (const t of metaTexts) {
    // Not "2023年机关运行经费预算数": a year is no budget code.
    const m = /^(\d{3,9})(?!\d|年)\s*([\u4e00-\u9fa5（）()]{4,})$/.exec(squash(t));
    if (m) return { code: m[1], ...splitScope(m[2]) };
  }
  // The name most lines give: one line the PDF broke ("部门：…委员会办" + "单位：万元公厅") is outvoted.
  const names = new Map<string, number>();
  const scopes = new Map<string, 'department' | 'own' | null>();
  for (const t of [...metaTexts, ...opening]) {
    // A template's "上海市普陀区XX局" keeps its placeholder: the name is what the page says.
    const m = /^(?:部门|编制部门|编制单位|填报单位|预算主管部门|主管部门|预算单位|部门名称|单位名称|单位)[:：;；]([\u4e00-\u9fa5（）()XＸ×]{4,})$/.exec(squash(t));
    if (!m || /^(万元|元)$/.test(m[1])) continue;
    const { name, scope } = splitScope(m[1]);
    names.set(name, (names.get(name) ?? 0) + 1);
    if (scope || !scopes.has(name)) scopes.set(name, scope ?? scopes.get(name) ?? null);
  }
  let best: string | null = null;
  for (const [name, n] of names) if (best === null || n > names.get(best)!) best = name;
  return best === null ? null : { code: null, name: best, scope: scopes.get(best) ?? null };
}

const NOT_A_PARENT = /^(?:[\u4e00-\u9fa5]{0,8}?(?:省|市|区|县))?(?:人民)?政府$|^国务院$/;

/**
 * The department a unit says it belongs to: "上海交通职业技术学院是上海市交通委员会下属事业单位",
 * "本单位为市商务委所属…". Being 市政府直属 names a government, not a department.
 */
export function parentFromProse(paragraphs: string[], name: string): string | null {
  const subject = `(?:${name.replace(/[.*+?^${}()|[\]\\（）]/g, '.')}|本单位|我单位)(?:（单位）)?`;
  const org = String.raw`((?:中共)?[\u4e00-\u9fa5]{2,30}?(?:委员会|委|局|厅|办公室|办|院|部|署|中心|会))`;
  // "…是上海市公安局下属…", "…隶属于上海市司法局", "…设在上海市发展和改革委员会".
  const res = [
    new RegExp(`${subject}(?:是|为|系)${org}(?:的)?(?:下属|直属|所属|管理的|主管的)`),
    new RegExp(`${subject}(?:隶属于|隶属|归属于|设在)${org}(?![\u4e00-\u9fa5]{0,2}(?:下属|所属))`),
  ];
  for (const p of paragraphs) {
    for (const re of res) {
      const m = re.exec(squash(p));
      if (m && !NOT_A_PARENT.test(m[1])) return m[1];
    }
  }
  return null;
}

/** "栾城区委网信办" abbreviates "中共石家庄市栾城区委网络安全和信息化委员会办公室": its characters appear in order. */
export function abbreviates(short: string, full: string): boolean {
  if (short.length >= full.length) return false;
  let i = 0;
  for (const ch of full) if (ch === short[i]) i++;
  return i === short.length;
}

const MUNICIPALITIES = /^(北京|上海|天津|重庆)市$/;

export function entityLevel(name: string): Disclosure['entity']['level'] {
  const region = entityRegion(name) ?? '';
  if (/(区|县|旗)$/.test(region)) return 'county';
  if (MUNICIPALITIES.test(region) || /(省|自治区)$/.test(region)) return 'province';
  if (/市$/.test(region)) return 'city';
  return null;
}

/** "保定市徐水区", "元氏县": the place in the entity's name. */
export function entityRegion(name: string): string | null {
  const n = name.replace(/^(中共|中国共产党)/, '');
  const m = /^((?:[\u4e00-\u9fa5]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fa5]{2,6}?市)?(?:[\u4e00-\u9fa5]{1,5}?(?:区|县|旗))?)/.exec(n);
  const region = m?.[1] ?? '';
  return region.length >= 2 ? region : null;
}

/** "单位：万元" / "金额单位：元" → the scale. */
export function unitFrom(text: string): Unit | null {
  const m = /(?:金额)?单位[:：]\s*(万元|元)/.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  return { raw: text.trim(), scale: m[1] as Unit['scale'] };
}

/**
 * The document's unit: the one most of its tables print above their headers, else a unit line of its own
 * (金额单位：万元 above a form), else the unit of the amounts in its prose — raw is then the bare
 * word the prose prints after its figures (万元), since no line states the unit. 万元 when there is
 * nothing at all.
 */
export function documentUnit(blocks: Block[], tableMeta: string[]): Unit {
  const fromTables = mostFrequent(tableMeta.map(unitFrom).filter((u): u is Unit => u !== null));
  if (fromTables) return fromTables;
  const paragraphs = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  const line = paragraphs.filter((t) => squash(t).length <= 20).map(unitFrom).find((u) => u);
  if (line) return line;
  let wan = 0;
  let yuan = 0;
  for (const t of paragraphs) {
    for (const m of halfWidth(t).matchAll(/\d\s*(万)?元/g)) m[1] ? wan++ : yuan++;
  }
  // Prose in 元 throughout is rare enough that one 万元 amount settles it.
  if (wan > 0) return { raw: '万元', scale: '万元' };
  return yuan > 0 ? { raw: '元', scale: '元' } : { raw: '', scale: '万元' };
}

/** The unit most tables print (the first of equals): one procurement table in 元 does not set it. */
function mostFrequent(units: Unit[]): Unit | null {
  const count = (scale: Unit['scale']) => units.filter((u) => u.scale === scale).length;
  return units.find((u) => count(u.scale) === Math.max(count('万元'), count('元'))) ?? null;
}

const ORGANISATION = /(?:中共|中国共产党)?[\u4e00-\u9fa5]{2,6}?(?:省|市|自治区)(?:[\u4e00-\u9fa5]{1,5}?(?:区|县))?[\u4e00-\u9fa5]{2,16}?(?:办公厅|委员会|人民法院|人民检察院|办事处|办公室|局|厅|院|中心)/g;

/**
 * When neither title nor tables name the entity (江苏省政协办公厅2019: the cover is a scan), the full
 * name the prose repeats most, if it repeats it at least three times.
 */
export function entityFromProse(paragraphs: string[]): string | null {
  const counts = new Map<string, number>();
  for (const p of paragraphs) for (const m of squash(p).matchAll(ORGANISATION)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 3 && (best === null || n > counts.get(best)!)) best = name;
  return best;
}
