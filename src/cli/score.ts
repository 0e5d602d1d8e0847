/**
 * `gongkai score FILE`: the self-evaluation re-scored — per project the stated and recomputed
 * execution rate, execution score, score per 一级指标, total and grade; then the department's
 * plain and budget-weighted means beside the total the report states; then the differences as
 * catalog findings and how marks were found.
 */
import type { CheckResult } from '../pipeline.js';
import type { Finding } from '../model/disclosure.js';
import type { Money } from '../model/money.js';
import type { Scorecard } from '../score/index.js';
import { emit } from './output.js';

export interface ScoreCommandOptions {
  format: 'text' | 'json';
  output?: string;
  profile?: string;
}

/** Rules whose findings the scorecard lists: the self-evaluation arithmetic and the re-scoring. */
export function isScoringFinding(f: Finding): boolean {
  return /^arithmetic\/(self-eval-|rescored-)|^indicator\/rescored-/.test(f.rule);
}

/** Exit status: 0 when the document's figures agree with the re-scoring, 1 when some differ, 2 when it cannot be scored. */
export async function runScore(file: string, opts: ScoreCommandOptions): Promise<number> {
  const { checkFile } = await import('../pipeline.js');
  const { ReadError } = await import('../read/doc.js');
  const { scoreDisclosure, ScoringProfileError } = await import('../score/index.js');
  let result: CheckResult;
  let card: Scorecard | null;
  try {
    const profile = opts.profile ?? 'auto';
    result = await checkFile(file, { profile: { rules: scoringRuleOptions(profile) } });
    card = scoreDisclosure(result.document, profile);
  } catch (e) {
    if (e instanceof ReadError) console.error(`错误 ${e.file}: ${e.message}`);
    else if (e instanceof ScoringProfileError) console.error(`错误 ${e.message}`);
    else console.error(`错误 ${file}: 处理失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 2;
  }
  if (!card) {
    console.error(`错误 ${file}: 文件中没有识别出项目支出绩效自评表，无法计分。`);
    return 2;
  }
  const findings = result.findings.filter(isScoringFinding);
  if (opts.format === 'json') {
    const d = result.document;
    const out = { document: { path: d.source.path, title: d.title, entity: d.entity.name, year: d.year }, ...card, findings };
    if (!(await emit(JSON.stringify(out, null, 2) + '\n', opts.output))) return 2;
  } else if (!(await emit(formatScorecard(result, card, findings), opts.output))) {
    return 2;
  }
  return findings.some((f) => f.severity !== 'info') ? 1 : 0;
}

/** Every re-scoring rule scores with the profile the command was given. */
function scoringRuleOptions(profile: string): Record<string, { options: Record<string, unknown> }> {
  const ids = ['arithmetic/rescored-execution-rate', 'indicator/rescored-score', 'arithmetic/rescored-project-total', 'arithmetic/rescored-department-score', 'arithmetic/rescored-grade'];
  return Object.fromEntries(ids.map((id) => [id, { options: { scoringProfile: profile } }]));
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Columns a string takes in a terminal: CJK characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

const pts = (v: Money | null | undefined): string => (v ? v.toDecimalPlaces(2).toString() : '—');

/** "stated / recomputed", with a mark when they differ. */
function pair(stated: Money | null, computed: Money | null, differs: boolean): string {
  return `${pts(stated)} / ${pts(computed)}${differs ? ' *' : ''}`;
}

/** The stated rate as printed (a missing % added), beside the recomputed one to 0.01%. */
function rateCell(statedRaw: string | null, computed: Money | null, differs: boolean): string {
  const a = statedRaw ? statedRaw.replace(/\s+/g, '').replace(/^([\d.]+)$/, '$1%') : '—';
  return `${a} / ${computed ? `${computed.toFixed(2)}%` : '—'}${differs ? ' *' : ''}`;
}

/** The marks the tables themselves state, when every project states the same. */
function statedWeights(card: Scorecard): string {
  const of = (p: Scorecard['projects'][number]) =>
    [
      ...(p.execution.weightSource === 'stated' ? [`预算执行率 ${pts(p.execution.weight)}`] : []),
      ...p.level1.filter((l) => l.weightSource === 'stated').map((l) => `${l.name} ${pts(l.weight)}`),
    ].join('、');
  const all = new Set(card.projects.map(of));
  const [only] = [...all];
  return all.size === 1 && only ? `（本文件各表写明：${only}）` : '';
}

const MEAN = { plain: '简单平均', weighted: '按预算加权平均' } as const;

export function formatScorecard(result: CheckResult, card: Scorecard, findings: Finding[]): string {
  const d = result.document;
  const lines: string[] = [];
  lines.push(`${d.entity.name ?? d.title ?? d.source.path}　${d.year ?? ''}${d.year ? ' 年度' : ''}绩效自评重新计分`);
  lines.push(`计分办法：${card.profile.name}（${card.profile.description}）；表中写明的分值优先${statedWeights(card)}。`);
  lines.push('金额单位：万元；得分单位：分；每格为“文件所填 / 重新计分”，* 表示两者不同。');
  lines.push('');

  const level1Names: string[] = [];
  for (const p of card.projects) for (const l of p.level1) if (!level1Names.includes(l.name)) level1Names.push(l.name);
  const header = ['项目', '预算数', '执行数', '执行率', '执行率得分', ...level1Names, '总分', '重算等级'];
  const rows = card.projects.map((p) => {
    const e = p.execution;
    const cells = [
      p.name,
      p.budget ? p.budget.toFixed(2) : '—',
      p.executed ? p.executed.toFixed(2) : '—',
      rateCell(e.statedRateRaw, e.rate, e.rateAgrees === false),
      pair(e.stated, e.computed, !!(e.stated && e.computed && !e.stated.equals(e.computed))),
      ...level1Names.map((n) => {
        const l = p.level1.find((x) => x.name === n);
        if (!l) return '';
        return pair(l.stated, l.computed, !!(l.stated && l.computed && !l.stated.equals(l.computed)));
      }),
      pair(p.total.stated, p.total.computed, !!(p.total.stated && p.total.computed && !p.total.stated.equals(p.total.computed))),
      p.grade?.grade ?? '—',
    ];
    return cells;
  });
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const numeric = (i: number) => i > 0 && i < header.length - 1;
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], numeric(i))).join('  ').trimEnd();
  lines.push(line(header));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) lines.push(line(r));
  lines.push('');

  const dep = card.department;
  if (dep.stated) {
    const basis =
      dep.statedBasis === 'both'
        ? '，即各项目所填得分的平均（简单平均与加权平均相同）'
        : dep.statedBasis
          ? `，即各项目所填得分的${MEAN[dep.statedBasis]}`
          : '，与各项目所填得分的两种平均都不同';
    lines.push(
      `部门：文件所写总得分 ${pts(dep.stated)} 分${dep.statedGrade ? `（${dep.statedGrade}）` : ''}${basis}（所填得分简单平均 ${pts(dep.statedMeans.plain)} 分，按预算加权平均 ${pts(dep.statedMeans.weighted)} 分）。`,
    );
  } else {
    lines.push('部门：文件未写总得分。');
  }
  if (dep.computed) {
    lines.push(
      `重新计分：简单平均 ${dep.computedMeans.plain?.toFixed(2) ?? '—'} 分，按预算加权平均 ${dep.computedMeans.weighted?.toFixed(2) ?? '—'} 分；` +
        `取${MEAN[dep.basis]}，部门得分 ${dep.computed.toFixed(2)} 分，评为“${dep.grade?.grade ?? '—'}”（${dep.grade?.label ?? ''}）。`,
    );
  } else {
    lines.push('重新计分：各项目总分不全，无法求部门得分。');
  }

  if (findings.length) {
    lines.push('', `不一致之处（${findings.length} 项）：`);
    for (const f of findings) lines.push(`  [${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}] ${f.message}（${f.rule}）`);
  } else {
    lines.push('', '文件所填各项得分与重新计分一致。');
  }
  const notes = card.projects.flatMap((p) => p.notes);
  if (notes.length) {
    lines.push('', '说明：');
    for (const n of notes) lines.push(`  ${n}`);
  }
  return lines.join('\n') + '\n';
}
