/** 固定资产占用情况表 (domain.md §5.17): 资产总额 = 房屋 + 车辆 + 设备 + 其他. */
import type { Figure } from '../../model/disclosure.js';
import { assetsTotal } from '../arithmetic/assets-total.js';
import { tablesOf } from './tables.js';

export interface AssetLine {
  key: string;
  name: string;
  value: Figure | null;
  loc: Record<string, unknown>;
}

/** Asset rows from the model's assets section, else from an assets table. */
export function assetLines(doc: Parameters<typeof assetsTotal.check>[0]): AssetLine[] {
  if (doc.assets.rows.length) return doc.assets.rows.map((r) => ({ key: r.key, name: r.name, value: r.value, loc: r.loc }));
  const t = tablesOf(doc, 'assets').find((x) => !x.empty);
  if (!t) return [];
  return t.rows.map((r) => ({ key: r.key ?? '', name: r.name, value: r.values.amount ?? r.values.value ?? null, loc: r.loc }));
}
