/** 三公 identities (domain.md §5.8): 合计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行; 增减 = 本年 − 上年. */
import type { Figure, StdTable } from '../../model/disclosure.js';
import { amountKeys, cellLocation, columnLabel, where } from './tables.js';
import { itemsAsColumns, rowsByKey, type TPKey } from './three-public.js';

export function eachGetter(t: StdTable, fn: (get: (k: TPKey) => Figure | null, place: (k: TPKey) => { where: string; loc: Record<string, unknown> & { where: string } }) => void): void {
  if (itemsAsColumns(t)) {
    for (const r of t.rows) {
      fn(
        (k) => r.values[k] ?? null,
        (k) => ({ where: where(t, r, k), loc: cellLocation(t, r, k) }),
      );
    }
  } else {
    const rows = rowsByKey(t);
    for (const col of amountKeys(t)) {
      fn(
        (k) => rows.get(k)?.values[col] ?? null,
        (k) => {
          const r = rows.get(k);
          return r ? { where: where(t, r, col), loc: cellLocation(t, r, col) } : { where: `《${t.title}》“${columnLabel(t, col)}”列`, loc: { where: '' } };
        },
      );
    }
  }
}
