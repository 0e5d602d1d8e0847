/**
 * Rule catalog issue: the whole rule set takes less time per document than reading it.
 * Reading = file → Doc → Disclosure (`readDocumentFile` + `recognize`); rules = `runRules`.
 */
import { basename } from 'node:path';
import type { Disclosure } from '../src/model/disclosure.js';
import { readDocumentFile } from '../src/read/index.js';
import { recognize } from '../src/recognize/index.js';
import { RULES, runRule, runRules } from '../src/rules/index.js';
import { missingShared, seedFiles } from './env.js';
import { fmtRatio, ms, ratio, stats, timeIt, type Benchmark, type BenchResult } from './harness.js';

export const rulesVsReading: Benchmark = {
  name: 'rules-vs-reading',
  title: 'The whole rule set vs reading the document',
  issue: 'rule catalog issue: running every rule takes less time per document than reading it (rules/reading < 1)',
  skipReason() {
    return missingShared('seeds');
  },
  async run(ctx): Promise<BenchResult> {
    const files = [...seedFiles('.docx'), ...seedFiles('.txt')];
    const rows: string[][] = [];
    let readSum = 0;
    let rulesSum = 0;
    let worst = 0;
    let findings = 0;
    // Rules run in milliseconds: three times the usual rounds cost little and steady the medians.
    const n = ctx.runs * 3;
    const perRule = new Map<string, number>();
    for (const file of files) {
      ctx.log(`  ${basename(file)}`);
      let disclosure: Disclosure | null = null;
      const read = async () => {
        disclosure = recognize(await readDocumentFile(file)).disclosure;
      };
      const rules = () => runRules(disclosure!);
      // Warm-up of both stages, then rounds of reading followed by the rules on the disclosure
      // that reading just produced, as in the pipeline.
      await read();
      findings += rules().length;
      const readMs: number[] = [];
      const rulesMs: number[] = [];
      for (let r = 0; r < n; r++) {
        readMs.push(await timeIt(read));
        rulesMs.push(await timeIt(rules));
      }
      // Where the rules' time goes: each rule alone (its default options) on this document.
      for (const rule of RULES) {
        const t: number[] = [];
        for (let r = 0; r < n; r++) t.push(await timeIt(() => runRule(rule, disclosure!)));
        perRule.set(rule.meta.id, (perRule.get(rule.meta.id) ?? 0) + stats(t).median);
      }
      const rd = stats(readMs);
      const ru = stats(rulesMs);
      readSum += rd.median;
      rulesSum += ru.median;
      worst = Math.max(worst, ratio(ru.median, rd.median));
      rows.push([basename(file), ms(rd.median), ms(rd.p95), ms(ru.median), ms(ru.p95), fmtRatio(ratio(ru.median, rd.median))]);
    }
    const docs = files.length;
    const overall = ratio(rulesSum, readSum);
    rows.push([`**per document (mean of ${docs})**`, `**${ms(readSum / docs)}**`, '', `**${ms(rulesSum / docs)}**`, '', `**${fmtRatio(overall)}**`]);
    const ruleTotal = [...perRule.values()].reduce((a, b) => a + b, 0);
    const slowest = [...perRule].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return {
      tables: [
        {
          headers: ['document', 'reading median ms', 'reading p95 ms', 'rules median ms', 'rules p95 ms', 'rules/reading'],
          rows,
          align: ['l', 'r', 'r', 'r', 'r', 'r'],
        },
        {
          caption: `**Slowest rules** (each run alone; sum over the ${docs} documents of its median ms)`,
          headers: ['rule', 'ms', 'share of all rules'],
          rows: slowest.map(([id, t]) => [`\`${id}\``, ms(t), `${((t / ruleTotal) * 100).toFixed(0)} %`]),
          align: ['l', 'r', 'r'],
        },
      ],
      verdicts: [
        { target: 'rules: all rules < reading, on every document (ratio < 1)', measured: `${fmtRatio(overall)} (worst document ${fmtRatio(worst)})`, met: overall < 1 && worst < 1 },
      ],
      notes: [
        `${RULES.length} rules, default profile, ${findings} findings over the ${docs} documents. Reading includes the file read from the page cache. ${n} rounds per document after a warm-up.`,
      ],
    };
  },
};
