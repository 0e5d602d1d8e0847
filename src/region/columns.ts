/**
 * The columns of the region review's tidy tables (Chinese headers): the coverage ledger and the
 * transparency ranking. Shared by the CLI and the HTTP API so both export the same table.
 */
import { KIND_NAMES, LEDGER_STATUS_NAMES, type LedgerRow } from '../store/ledger.js';
import type { TransparencyRow } from '../store/transparency.js';
import type { TidyColumn } from './tidy.js';
import { DIMENSIONS, type Dimension, type TransparencyScore } from './transparency.js';

export const LEDGER_COLUMNS: TidyColumn<LedgerRow>[] = [
  { header: '年度', value: (r) => r.year },
  { header: '地区', value: (r) => r.region },
  { header: '部门', value: (r) => r.department },
  { header: '单位', value: (r) => r.unit, width: 30 },
  { header: '级次', value: (r) => r.level },
  { header: '公开类型', value: (r) => KIND_NAMES[r.kind] ?? r.kind },
  { header: '状态', value: (r) => LEDGER_STATUS_NAMES[r.status] },
  { header: '公开日期', value: (r) => r.publishedOn },
  { header: '日期来源', value: (r) => (r.publishedSource ? { ledger: '名单', document: '文件落款', import: '导入日期' }[r.publishedSource] : null) },
  { header: '批复日期', value: (r) => r.approvedOn },
  { header: '公开期限', value: (r) => r.deadline },
  { header: '逾期天数', value: (r) => r.daysLate },
  { header: '文档编号', value: (r) => r.documentId },
  { header: '说明', value: (r) => r.note, width: 60 },
];

/** Each item that lost points (or was not judged), with its reasons. */
export function lostReasons(r: TransparencyScore): string[] {
  return r.items
    .filter((i) => i.score === null || i.score < i.max)
    .map((i) => `${i.name}${i.score === null ? '（未评）' : ` −${Math.round((i.max - i.score) * 100) / 100}`}${i.reasons.length ? `：${i.reasons.join('，')}` : ''}`);
}

/** The score, each dimension as earned/max (未评 when nothing in it was judged) and the reasons, after the given lead columns. */
export function scoreColumns<R extends TransparencyScore>(lead: TidyColumn<R>[]): TidyColumn<R>[] {
  return [
    ...lead,
    { header: '透明度得分', value: (r) => r.score },
    ...(Object.keys(DIMENSIONS) as Dimension[]).map((k) => ({
      header: DIMENSIONS[k] as string,
      value: (r: R) => (r.dimensions[k].max ? `${r.dimensions[k].earned}/${r.dimensions[k].max}` : '未评'),
    })),
    { header: '失分原因', value: (r) => lostReasons(r).join('；'), width: 80 },
  ];
}

/** The ranking of stored disclosures. */
export const RANKING_COLUMNS: TidyColumn<TransparencyRow>[] = scoreColumns<TransparencyRow>([
  { header: '排名', value: (r) => r.rank },
  { header: '单位', value: (r) => r.entity, width: 30 },
  { header: '地区', value: (r) => r.region },
  { header: '年度', value: (r) => r.year },
  { header: '公开类型', value: (r) => KIND_NAMES[r.kind] ?? r.kind },
  { header: '文档编号', value: (r) => r.documentId },
]);
