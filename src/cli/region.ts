/**
 * Region review commands: `gongkai ledger` (who had to publish, who did, when), `gongkai
 * transparency` (scores and ranking), `gongkai entities` (aliases, merge, split). Thin: the work is
 * in src/region and src/store.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkFile } from '../pipeline.js';
import { LedgerInputError, readLedgerFile } from '../region/ledger-input.js';
import { loadTransparencyProfile, scoreTransparency, combineParts, TransparencyProfileError, type ScoreInput, type TransparencyScore } from '../region/transparency.js';
import { LEDGER_COLUMNS, RANKING_COLUMNS, scoreColumns } from '../region/columns.js';
import { csvText, textTable, xlsxBuffer, type TidyColumn } from '../region/tidy.js';
import { CompareError, EntityEditError, Store, StoreError } from '../store/index.js';
import { COMPARISON_COLUMNS, tidyComparison, type ComparisonRow } from '../region/compare.js';
import { describeError } from '../system-error.js';

type Format = 'text' | 'json' | 'csv' | 'xlsx';

async function emit<R>(format: Format, output: string | undefined, sheet: string, columns: TidyColumn<R>[], rows: R[], json: unknown): Promise<number> {
  if (format === 'xlsx' && !output) {
    console.error('错误 xlsx 格式需要用 -o 指定输出文件');
    return 2;
  }
  const body = format === 'json' ? JSON.stringify(json, null, 2) + '\n' : format === 'csv' ? csvText(columns, rows) : format === 'xlsx' ? await xlsxBuffer(sheet, columns, rows) : textTable(columns, rows);
  if (output) await writeFile(output, body);
  else process.stdout.write(body);
  return 0;
}

async function withStore(db: string | undefined, fn: (store: Store) => Promise<number>): Promise<number> {
  let store: Store | undefined;
  try {
    store = await Store.open({ db });
    return await fn(store);
  } catch (e) {
    if (e instanceof StoreError || e instanceof CompareError || e instanceof LedgerInputError || e instanceof EntityEditError || e instanceof TransparencyProfileError) console.error(`错误 ${e.message}`);
    else console.error(`错误 ${describeError(e)}`);
    return 2;
  } finally {
    await store?.close();
  }
}

export async function runLedgerImport(file: string, opts: { db?: string; year?: number }): Promise<number> {
  return withStore(opts.db, async (store) => {
    const units = await readLedgerFile(file, { year: opts.year });
    const n = await store.importLedger(units);
    console.error(`已导入应公开单位名单 ${basename(file)}：${n} 个单位`);
    return 0;
  });
}

export async function runLedgerReport(opts: { db?: string; year?: number; region?: string; format: Format; output?: string }): Promise<number> {
  return withStore(opts.db, async (store) => {
    const report = await store.ledger({ year: opts.year, region: opts.region });
    const c = report.counts;
    if (opts.format === 'text') console.error(`应公开 ${c.units} 个单位、${c.expected} 项：已公开 ${c.published}，逾期 ${c.late}，未公开 ${c.missing}`);
    return emit(opts.format, opts.output, '公开情况台账', LEDGER_COLUMNS, report.rows, report);
  });
}

export async function runTransparency(files: string[], opts: { db?: string; year?: number; region?: string; kind?: string; profile?: string; format: Format; output?: string }): Promise<number> {
  let profile;
  try {
    profile = loadTransparencyProfile(opts.profile);
  } catch (e) {
    console.error(`错误 ${(e as Error).message}`);
    return 2;
  }
  if (files.length > 0) {
    // Files given: checked now, all of them one disclosure's parts when they say so.
    const rows: (TransparencyScore & { file: string; entity: string | null; year: number | null })[] = [];
    for (const f of files) {
      try {
        const r = await checkFile(f);
        const input = combineParts([JSON.parse(JSON.stringify(r)) as ScoreInput]);
        rows.push({ file: basename(f), entity: r.document.entity.name, year: r.document.year, ...scoreTransparency(input, profile) });
      } catch (e) {
        console.error(`错误 ${basename(f)}：${describeError(e)}`);
        return 2;
      }
    }
    const columns = scoreColumns<(typeof rows)[number]>([
      { header: '文件', value: (r) => r.file, width: 40 },
      { header: '单位', value: (r) => r.entity, width: 30 },
      { header: '年度', value: (r) => r.year },
    ]);
    return emit(opts.format, opts.output, '透明度得分', columns, rows, rows);
  }
  return withStore(opts.db, async (store) => {
    const ranking = await store.transparency({ year: opts.year, region: opts.region, kind: opts.kind }, profile);
    if (opts.format === 'text') console.error(`${opts.region ?? '全部'}：${ranking.rows.length} 份公开文件，平均透明度得分 ${ranking.regionScore ?? '—'}`);
    return emit(opts.format, opts.output, '透明度排名', RANKING_COLUMNS, ranking.rows, ranking);
  });
}

export async function runEntities(action: string, args: string[], opts: { db?: string; format: Format }): Promise<number> {
  return withStore(opts.db, async (store) => {
    if (action === 'aliases') {
      const id = args[0] ? Number(args[0]) : undefined;
      const rows = await store.aliases(id);
      return emit(opts.format, undefined, '别名', [
        { header: '单位编号', value: (r) => r.entityId },
        { header: '名称键', value: (r) => r.alias },
        { header: '来源', value: (r) => (r.source === 'reviewer' ? '审核人' : '自动') },
      ], rows, rows);
    }
    if (action === 'merge') {
      const [from, into] = args.map(Number);
      if (!Number.isInteger(from) || !Number.isInteger(into)) throw new EntityEditError('用法：gongkai entities merge <并入的单位编号> <保留的单位编号>');
      await store.mergeEntities(from, into);
      console.error(`已把单位 ${from} 并入单位 ${into}`);
      return 0;
    }
    if (action === 'split') {
      const id = Number(args[0]);
      if (!Number.isInteger(id) || !args[1]) throw new EntityEditError('用法：gongkai entities split <单位编号> <拆出的名称>');
      const created = await store.splitEntity(id, args[1]);
      console.error(`已把“${args[1]}”拆为单位 ${created}`);
      return 0;
    }
    throw new EntityEditError(`未知操作 ${action}（aliases、merge、split）`);
  });
}

export async function runCompare(opts: { db?: string; documents?: string; entity?: string; entities?: string; years?: string; year?: string; kind?: string; table?: string; measure?: string; format: Format; output?: string }): Promise<number> {
  const ids = (v: string | undefined, what: string): number[] | undefined => {
    if (v === undefined) return undefined;
    if (!/^\d+(,\d+)*$/.test(v)) throw new CompareError(`${what}应为逗号分隔的数字，收到“${v}”`);
    return v.split(',').map(Number);
  };
  return withStore(opts.db, async (store) => {
    const one = (v: string | undefined, what: string) => ids(v, what)?.[0];
    const result = await store.compare({
      documents: ids(opts.documents, '--documents '),
      entity: one(opts.entity, '--entity '),
      entities: ids(opts.entities, '--entities '),
      years: ids(opts.years, '--years '),
      year: one(opts.year, '--year '),
      kind: opts.kind,
      table: opts.table,
      measure: opts.measure,
    });
    if (opts.format === 'text') {
      console.error(`${result.sides.map((s) => s.label).join(' ／ ')}：${result.table} 表 ${result.measure} 列，${result.rows.length} 行`);
      return emit('text', opts.output, '对比', WIDE_COLUMNS(result.sides.map((s) => s.label)), result.rows, result);
    }
    return emit(opts.format, opts.output, '对比', COMPARISON_COLUMNS, tidyComparison(result), result);
  });
}

/** For a terminal: one row per line, one column per side. */
function WIDE_COLUMNS(labels: string[]): TidyColumn<ComparisonRow>[] {
  return [
    { header: '科目编码', value: (r) => r.code },
    { header: '科目名称', value: (r) => r.name },
    ...labels.map((l, i) => ({ header: l, value: (r: ComparisonRow) => r.amounts[i] })),
    { header: '增减', value: (r) => r.change },
    { header: '增减率%', value: (r) => r.percent },
    { header: '说明', value: (r) => r.note },
  ];
}
