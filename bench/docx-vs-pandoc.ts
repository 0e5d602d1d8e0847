/**
 * Core issue: checking the four .docx seeds in one process takes less time per document than
 * `pandoc -t plain` needs merely to convert each to text.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { checkFile } from '../src/pipeline.js';
import { missingShared, seedFiles, tools } from './env.js';
import { commandStep, fmtRatio, ms, ratio, rounds, stats, type Benchmark, type BenchResult } from './harness.js';

export const docxVsPandoc: Benchmark = {
  name: 'docx-vs-pandoc',
  title: 'Checking a .docx vs pandoc converting it to plain text',
  issue: 'core issue: check the four .docx seeds in one process in less time per document than `pandoc -t plain` takes to convert each (ours/pandoc < 1)',
  skipReason() {
    const shared = missingShared('seeds');
    if (shared) return shared;
    if (seedFiles('.docx').length === 0) return '../shared/seeds 中没有 .docx 文件';
    if (!tools.pandoc().path) return '未安装 pandoc（Debian 软件包 pandoc），缺少对照基准';
    return null;
  },
  async run(ctx): Promise<BenchResult> {
    const pandoc = tools.pandoc().path!;
    const files = seedFiles('.docx');
    const rows: string[][] = [];
    let oursSum = 0;
    let pandocSum = 0;
    let worst = 0;
    for (const file of files) {
      ctx.log(`  ${basename(file)}`);
      const s = await rounds(ctx.runs, {
        ours: () => checkFile(file),
        pandoc: commandStep(pandoc, ['-t', 'plain', file, '-o', '/dev/null']),
      });
      const o = stats(s.ours);
      const p = stats(s.pandoc);
      oursSum += o.median;
      pandocSum += p.median;
      worst = Math.max(worst, ratio(o.median, p.median));
      rows.push([basename(file), kb(file), ms(o.median), ms(o.p95), ms(p.median), ms(p.p95), fmtRatio(ratio(o.median, p.median))]);
    }
    const n = files.length;
    const overall = ratio(oursSum, pandocSum);
    rows.push([`**per document (mean of ${n})**`, '', `**${ms(oursSum / n)}**`, '', `**${ms(pandocSum / n)}**`, '', `**${fmtRatio(overall)}**`]);
    return {
      tables: [
        {
          headers: ['document', 'size', 'ours median ms', 'ours p95 ms', 'pandoc median ms', 'pandoc p95 ms', 'ours/pandoc'],
          rows,
          align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        },
      ],
      verdicts: [
        { target: 'docx: mean check time per document < pandoc -t plain (ratio < 1)', measured: `${fmtRatio(overall)} (worst document ${fmtRatio(worst)})`, met: overall < 1 },
      ],
      notes: [
        `Ours: \`checkFile\` (read + recognise + all rules) in this process after a warm-up run; pandoc: one process per conversion, start-up included, output to /dev/null. ${ctx.runs} alternating rounds per document.`,
      ],
    };
  },
};

function kb(file: string): string {
  return `${Math.round(statSync(file).size / 1024)} KB`;
}
