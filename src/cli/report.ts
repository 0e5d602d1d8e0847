/**
 * `gongkai report self-evaluation INPUT.json -o OUT.docx`: the department fills in its year-end
 * figures, targets and actual values; the scores, totals and grade are computed and the
 * 整体支出绩效自评报告 with one 项目支出绩效自评表 per project is written as Word.
 */
import { readFile } from 'node:fs/promises';
import { describeError } from '../system-error.js';
import { emit } from './output.js';

export interface ReportCommandOptions {
  output?: string;
  profile?: string;
  schema?: boolean;
}

const KINDS = ['self-evaluation'];

/** Exit status: 0 written, 2 when the input or the options cannot make a report. */
export async function runReport(kind: string, input: string | undefined, opts: ReportCommandOptions): Promise<number> {
  if (!KINDS.includes(kind)) {
    console.error(`错误 不支持的报告类型“${kind}”，可用：${KINDS.join('、')}`);
    return 2;
  }
  const { SelfEvalInputSchema, parseSelfEvalInput, InputError } = await import('../render/self-eval-input.js');
  if (opts.schema) {
    const { z } = await import('zod');
    return (await emit(JSON.stringify(z.toJSONSchema(SelfEvalInputSchema, { io: 'input' }), null, 2) + '\n', opts.output)) ? 0 : 2;
  }
  if (!input) {
    console.error('错误 缺少输入文件：gongkai report self-evaluation INPUT.json -o OUT.docx');
    return 2;
  }
  if (!opts.output) {
    console.error('错误 请用 -o 指定输出的 .docx 文件');
    return 2;
  }
  const { scoreReport } = await import('../render/self-eval-scored.js');
  const { selfEvalDocx } = await import('../render/self-eval-docx.js');
  const { loadScoringProfile, ScoringProfileError } = await import('../score/index.js');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(input, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    console.error(`错误 ${input}: ${err instanceof SyntaxError ? `不是有效的 JSON：${err.message.split('\n')[0]}` : describeError(err)}`);
    return 2;
  }
  try {
    const data = parseSelfEvalInput(json);
    const profile = loadScoringProfile(opts.profile ?? data.scoringProfile ?? 'national');
    const report = scoreReport(data, profile);
    if (!(await emit(await selfEvalDocx(report), opts.output))) return 2;
    const names = report.card.projects.map((p) => `${p.name} ${p.total.computed!.toString()} 分`).join('，');
    console.log(`已生成 ${opts.output}：${report.card.projects.length} 个项目（${names}），部门总得分 ${report.total.toString()} 分，评价等级“${report.grade.label}”（计分办法 ${profile.name}）。`);
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof ScoringProfileError) console.error(`错误 ${input}: ${e.message}`);
    else console.error(`错误 ${input}: 生成失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 2;
  }
}
