/**
 * Real-world documents issue: reading and checking a PDF is faster than pdfminer's `pdf2txt`
 * merely extracting its text, and within 5× of poppler's `pdftotext -layout`.
 */
import { basename } from 'node:path';
import { checkFile } from '../src/pipeline.js';
import { CORPUS, filesUnder, missingShared, seedFiles, shown, tools } from './env.js';
import { commandStep, fmtRatio, ms, ratio, rounds, stats, type Benchmark, type BenchResult, type Verdict } from './harness.js';

type Contender = 'ours' | 'pdf2txt' | 'pdftotext';

export const pdf: Benchmark = {
  name: 'pdf',
  title: 'Checking a PDF vs pdfminer and poppler extracting its text',
  issue: 'real-world documents issue: read + check a PDF faster than `pdf2txt` extracts its text (ours/pdf2txt < 1) and within 5× of `pdftotext -layout` (ours/pdftotext ≤ 5)',
  skipReason() {
    const shared = missingShared('corpus') ?? missingShared('seeds');
    if (shared) return shared;
    if (!tools.pdf2txt().path && !tools.pdftotext().path) return '未安装 pdf2txt（python3-pdfminer）和 pdftotext（poppler-utils），缺少对照基准';
    return null;
  },
  async run(ctx): Promise<BenchResult> {
    const pdf2txt = tools.pdf2txt().path;
    const pdftotext = tools.pdftotext().path;
    let corpus = filesUnder(CORPUS, '.pdf');
    // A quick run takes an even spread of the corpus, not its first folder.
    if (ctx.quick) corpus = corpus.filter((_, i) => i % 5 === 0);
    const files = [...corpus, ...seedFiles('.pdf')];

    const steps = (file: string): Partial<Record<Contender, () => Promise<unknown>>> => ({
      ours: () => checkFile(file),
      ...(pdf2txt ? { pdf2txt: commandStep(pdf2txt, [file, '-o', '/dev/null']) } : {}),
      ...(pdftotext ? { pdftotext: commandStep(pdftotext, ['-layout', file, '/dev/null']) } : {}),
    });

    const rows: string[][] = [];
    const notes: string[] = [];
    const sum: Record<Contender, number> = { ours: 0, pdf2txt: 0, pdftotext: 0 };
    let pagesSum = 0;
    let counted = 0;
    for (const file of files) {
      ctx.log(`  ${basename(file)}`);
      const all = steps(file);
      // A first run of each contender alone: it warms up, reads the page count, and finds out
      // who fails on this file before any timing.
      const ok: Partial<Record<Contender, () => Promise<unknown>>> = {};
      let pages: number | undefined;
      const failed: string[] = [];
      for (const [name, fn] of Object.entries(all) as [Contender, () => Promise<unknown>][]) {
        try {
          const r = await fn();
          if (name === 'ours') pages = (r as Awaited<ReturnType<typeof checkFile>>).document.source.pages;
          ok[name] = fn;
        } catch (e) {
          failed.push(name);
          notes.push(`${shown(file)}: ${name} failed — ${oneLine(e)}`);
        }
      }
      const s = await rounds(ctx.heavyRuns, ok as Record<string, () => Promise<unknown>>, 0);
      const med = (c: Contender) => (s[c] ? stats(s[c]).median : NaN);
      const o = med('ours');
      const a = med('pdf2txt');
      const b = med('pdftotext');
      // Totals compare the same files: only those every installed tool and we could read.
      if (failed.length === 0) {
        sum.ours += o;
        sum.pdf2txt += a;
        sum.pdftotext += b;
        pagesSum += pages ?? 0;
        counted++;
      }
      rows.push([label(file), String(pages ?? '—'), ms(o), ms(a), ms(b), fmtRatio(ratio(o, a)), fmtRatio(ratio(o, b))]);
    }
    const vsMiner = ratio(sum.ours, sum.pdf2txt);
    const vsPoppler = ratio(sum.ours, sum.pdftotext);
    rows.push([
      `**total (${counted} files)**`,
      `**${pagesSum}**`,
      `**${ms(sum.ours)}**`,
      pdf2txt ? `**${ms(sum.pdf2txt)}**` : '—',
      pdftotext ? `**${ms(sum.pdftotext)}**` : '—',
      `**${fmtRatio(vsMiner)}**`,
      `**${fmtRatio(vsPoppler)}**`,
    ]);
    const verdicts: Verdict[] = [];
    if (pdf2txt) verdicts.push({ target: 'pdf: read + check < pdf2txt extraction (ratio < 1)', measured: fmtRatio(vsMiner), met: counted ? vsMiner < 1 : null });
    else notes.push('pdf2txt 未安装：与 pdfminer 的对比未测。');
    if (pdftotext) verdicts.push({ target: 'pdf: read + check ≤ 5 × pdftotext -layout', measured: fmtRatio(vsPoppler), met: counted ? vsPoppler <= 5 : null });
    else notes.push('pdftotext 未安装：与 poppler 的对比未测。');
    notes.unshift(
      `Median of ${ctx.heavyRuns} alternating rounds per file after one warm-up run of each contender. Ours: \`checkFile\` in this process (text and ruling lines from the native PDF reader, which reads all of these files — pdf.js only reads files whose fonts it does not know — → tables → model → rules); the tools: one process per file, start-up included, text to /dev/null. Ours reads ${fmtPagesPerSecond(pagesSum, sum.ours)} pages/s.${ctx.quick ? ' Quick run: every fifth corpus PDF plus the seeds.' : ''}`,
    );
    return {
      tables: [
        {
          headers: ['file', 'pages', 'ours ms', 'pdf2txt ms', 'pdftotext ms', 'ours/pdf2txt', 'ours/pdftotext'],
          rows,
          align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        },
      ],
      verdicts,
      notes,
    };
  },
};

/** `corpus/jiangsu-budget/江苏省人大办公厅/x.pdf` → `jiangsu-budget/x.pdf`: the folder that says whose, and the name. */
function label(file: string): string {
  const parts = shown(file).split(/[\\/]/);
  return parts.length > 2 ? `${parts[1]}/${parts[parts.length - 1]}` : parts.join('/');
}

function fmtPagesPerSecond(pages: number, totalMs: number): string {
  return totalMs > 0 ? (pages / (totalMs / 1000)).toFixed(1) : '—';
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
