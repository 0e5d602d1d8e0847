/**
 * `gongkai generate budget INPUT -o OUT.docx [--template hebei-2022] [--draft] [--prior LAST]`:
 * the disclosure written from a dataset (JSON, gongkai's input workbook, a budget system's
 * workbook, or a published disclosure's figures). The format follows the output's extension.
 * `gongkai template budget -o 填报.xlsx`: the input workbook to fill in.
 */
import { extname } from 'node:path';
import { emit } from './output.js';

export interface GenerateCommandOptions {
  output?: string;
  template?: string;
  draft?: boolean;
  prior?: string;
  schema?: boolean;
  format?: string;
}

const KINDS = ['budget', 'final-accounts'];

/** Exit status: 0 written, 1 blocked by error-level findings of the dataset, 2 bad input or options. */
export async function runGenerate(kind: string, input: string | undefined, opts: GenerateCommandOptions): Promise<number> {
  if (!KINDS.includes(kind)) {
    console.error(`错误 不支持的文件类型“${kind}”，可用：${KINDS.join('、')}`);
    return 2;
  }
  const gen = await import('../generate/index.js');
  if (opts.schema) return (await emit(JSON.stringify(gen.datasetJsonSchema(), null, 2) + '\n', opts.output)) ? 0 : 2;
  if (!input) {
    console.error(`错误 缺少输入文件：gongkai generate ${kind} INPUT -o OUT.docx`);
    return 2;
  }
  if (!opts.output) {
    console.error('错误 请用 -o 指定输出文件（.docx、.xlsx、.pdf 或 .html）');
    return 2;
  }
  const format = (opts.format ?? extname(opts.output).slice(1).toLowerCase()) as (typeof gen.FORMATS)[number];
  if (!gen.FORMATS.includes(format)) {
    console.error(`错误 不支持的输出格式“${format || opts.output}”，可用：${gen.FORMATS.join('、')}`);
    return 2;
  }
  if (opts.template && !gen.TEMPLATE_IDS.includes(opts.template)) {
    console.error(`错误 未知的模板“${opts.template}”，可用：${gen.TEMPLATE_IDS.join('、')}`);
    return 2;
  }
  const { loadDataset, InputError } = await import('../generate/inputs.js');
  let data;
  try {
    data = await loadDataset(input, { prior: opts.prior });
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`错误 ${input}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (data.kind !== kind) {
    console.error(`错误 ${input}: 数据为${data.kind === 'budget' ? '预算' : '决算'}数据，与命令中的“${kind}”不符`);
    return 2;
  }
  let result;
  try {
    // One file and the process ends: a PDF is converted by one soffice call (no office kept).
    result = await gen.generate(data, { format, template: opts.template, draft: opts.draft, oneOff: true });
  } catch (e) {
    console.error(`错误 ${input}: 生成失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 2;
  }
  for (const f of result.findings) console.error(`${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'} [${f.rule}] ${f.message}`);
  if (!result.bytes) {
    console.error(`未生成：数据有 ${result.findings.filter((f) => f.severity === 'error').length} 个错误（见上）。修正后重新生成，或加 --draft 生成带“草稿”水印的稿件。`);
    return 1;
  }
  if (!(await emit(result.bytes, opts.output))) return 2;
  console.error(`已生成 ${opts.output}${opts.draft ? '（草稿）' : ''}：${data.entity.name} ${data.year} 年${kind === 'budget' ? '部门预算' : '部门决算'}公开。`);
  return 0;
}

export async function runTemplate(kind: string, opts: { output?: string }): Promise<number> {
  if (kind !== 'budget') {
    console.error(`错误 不支持的填报表类型“${kind}”，可用：budget`);
    return 2;
  }
  if (!opts.output) {
    console.error('错误 请用 -o 指定输出的 .xlsx 文件');
    return 2;
  }
  const { inputWorkbook } = await import('../generate/input-workbook.js');
  if (!(await emit(await inputWorkbook(), opts.output))) return 2;
  console.error(`已生成填报表 ${opts.output}：每个工作表填写一部分，填好后用 gongkai generate budget ${opts.output} -o 公开.docx 生成。`);
  return 0;
}
