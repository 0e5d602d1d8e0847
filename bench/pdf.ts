/**
 * Real-world documents issue: reading and checking a PDF is faster than pdfminer's `pdf2txt`
 * merely extracting its text, and within 5× of poppler's `pdftotext -layout`; issue 10: over the
 * whole corpus (cities/ included) within 1× of `pdftotext -layout`. Reported per group (each
 * corpus folder, each city), for the old corpus and the whole one, with the slowest files.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { checkDoc } from '../src/pipeline.js';
import { ReadError } from '../src/read/doc.js';
import { readDocumentFile } from '../src/read/index.js';
import { openNative } from '../src/read/pdf/native/index.js';
import { CORPUS, filesUnder, missingShared, seedFiles, shown, tools } from './env.js';
import { commandStep, fmtRatio, ms, ratio, rounds, stats, type Benchmark, type BenchResult, type Verdict } from './harness.js';

type Contender = 'ours' | 'pdf2txt' | 'pdftotext';

export const pdf: Benchmark = {
  name: 'pdf',
  title: 'Checking a PDF vs pdfminer and poppler extracting its text',
  issue:
    'real-world documents issue: read + check a PDF faster than `pdf2txt` extracts its text (ours/pdf2txt < 1) and within 5× of `pdftotext -layout` (ours/pdftotext ≤ 5); issue 10: over the whole corpus, cities/ included, within 1× of `pdftotext -layout`',
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

    // pdfminer takes seconds a file: it runs on the old corpus and the seeds only, so that a run
    // over the whole corpus still fits a shared machine; pdftotext runs on every file.
    const steps = (file: string): Partial<Record<Contender, () => Promise<unknown>>> => ({
      ours: () => check(file),
      ...(pdf2txt && !isCity(file) ? { pdf2txt: commandStep(pdf2txt, [file, '-o', '/dev/null']) } : {}),
      ...(pdftotext ? { pdftotext: commandStep(pdftotext, ['-layout', file, '/dev/null']) } : {}),
    });

    const measured: Measured[] = [];
    const notes: string[] = [];
    const byPdfjs: string[] = [];
    const refused: string[] = [];
    for (const file of files) {
      ctx.log(`  ${basename(file)}`);
      if (!readsNatively(file)) byPdfjs.push(shown(file));
      const all = steps(file);
      // A first run of each contender alone: it warms up, reads the page count, and finds out
      // who fails on this file before any timing.
      const ok: Partial<Record<Contender, () => Promise<unknown>>> = {};
      let pages = 0;
      const failed: string[] = [];
      for (const [name, fn] of Object.entries(all) as [Contender, () => Promise<unknown>][]) {
        try {
          const r = await fn();
          if (name === 'ours') {
            pages = (r as Checked).pages;
            if ((r as Checked).refused) refused.push(shown(file));
          }
          ok[name] = fn;
        } catch (e) {
          failed.push(name);
          notes.push(`${shown(file)}: ${name} failed — ${oneLine(e)}`);
        }
      }
      const s = await rounds(ctx.heavyRuns, ok as Record<string, () => Promise<unknown>>, 0);
      const med = (c: Contender) => (s[c] ? stats(s[c]).median : NaN);
      measured.push({ file, group: groupOf(file), pages, ours: med('ours'), pdf2txt: med('pdf2txt'), pdftotext: med('pdftotext'), failed: failed.length > 0 });
    }

    const old = measured.filter((m) => !isCity(m.file));
    const whole = total('**whole corpus + seeds**', measured);
    const oldTotal = total('**old corpus + seeds** (Jiangsu, Shanghai, templates)', old);
    const citiesTotal = total('**cities/**', measured.filter((m) => isCity(m.file)));
    const groups = [...new Set(measured.map((m) => m.group))].map((g) => total(g, measured.filter((m) => m.group === g)));
    const summaryRows = [whole, oldTotal, citiesTotal, ...groups].map((t) => [
      t.label,
      String(t.files),
      String(t.pages),
      ms(t.ours),
      ms(t.pdftotext),
      fmtRatio(ratio(t.ours, t.pdftotext)),
      t.minerOurs > 0 ? fmtRatio(ratio(t.minerOurs, t.pdf2txt)) : '—',
    ]);
    const slowest = [...measured]
      .filter((m) => Number.isFinite(m.ours) && Number.isFinite(m.pdftotext))
      .sort((a, b) => ratio(b.ours, b.pdftotext) - ratio(a.ours, a.pdftotext))
      .slice(0, 10)
      .map((m) => [label(m.file), String(m.pages), ms(m.ours), ms(m.pdftotext), fmtRatio(ratio(m.ours, m.pdftotext))]);
    const rows = measured.map((m) => [label(m.file), String(m.pages || '—'), ms(m.ours), ms(m.pdf2txt), ms(m.pdftotext), fmtRatio(ratio(m.ours, m.pdf2txt)), fmtRatio(ratio(m.ours, m.pdftotext))]);

    const verdicts: Verdict[] = [];
    const vsMiner = ratio(oldTotal.minerOurs, oldTotal.pdf2txt);
    const oldVsPoppler = ratio(oldTotal.ours, oldTotal.pdftotext);
    const wholeVsPoppler = ratio(whole.ours, whole.pdftotext);
    if (pdf2txt) verdicts.push({ target: 'pdf: read + check < pdf2txt extraction (ratio < 1), old corpus + seeds', measured: fmtRatio(vsMiner), met: oldTotal.minerOurs > 0 ? vsMiner < 1 : null });
    else notes.push('pdf2txt 未安装：与 pdfminer 的对比未测。');
    if (pdftotext) {
      verdicts.push({ target: 'pdf: read + check ≤ 5 × pdftotext -layout, old corpus + seeds', measured: fmtRatio(oldVsPoppler), met: oldTotal.files ? oldVsPoppler <= 5 : null });
      verdicts.push({ target: 'pdf: read + check ≤ 1 × pdftotext -layout, whole corpus (cities/ included) + seeds', measured: fmtRatio(wholeVsPoppler), met: whole.files ? wholeVsPoppler <= 1 : null });
    } else notes.push('pdftotext 未安装：与 poppler 的对比未测。');
    notes.unshift(
      `Median of ${ctx.heavyRuns} alternating rounds per file after one warm-up run of each contender. Ours: \`readDocumentFile\` + \`checkDoc\` (what \`checkFile\` does) in this process (text and ruling lines from the native PDF reader — pdf.js only reads files whose fonts or structure it does not know — → tables → model → rules); the tools: one process per file, start-up included, text to /dev/null. pdf2txt runs on the old corpus and the seeds only (seconds a file); its ratio compares ours on the same files. Totals count the files every contender run on it could read. Ours reads ${fmtPagesPerSecond(whole.pages, whole.ours)} pages/s over the whole corpus.${ctx.quick ? ' Quick run: every fifth corpus PDF plus the seeds.' : ''}`,
      ...(refused.length ? [`Read and refused as no disclosure (the check stops after recognition; timed all the same, as \`gongkai check\` spends that time): ${refused.join(', ')}.`] : []),
      byPdfjs.length ? `Read by pdf.js (the native reader refuses them; \`npx tsx scripts/pdf-native-why.ts FILE\` says why): ${byPdfjs.join(', ')}.` : 'Every file was read by the native reader (none left to pdf.js).',
    );
    return {
      tables: [
        { caption: 'By group', headers: ['group', 'files', 'pages', 'ours ms', 'pdftotext ms', 'ours/pdftotext', 'ours/pdf2txt'], rows: summaryRows, align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'] },
        { caption: 'The ten slowest files against pdftotext', headers: ['file', 'pages', 'ours ms', 'pdftotext ms', 'ours/pdftotext'], rows: slowest, align: ['l', 'r', 'r', 'r', 'r'] },
        { caption: 'Every file', headers: ['file', 'pages', 'ours ms', 'pdf2txt ms', 'pdftotext ms', 'ours/pdf2txt', 'ours/pdftotext'], rows, align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'] },
      ],
      verdicts,
      notes,
    };
  },
};

interface Checked {
  pages: number;
  refused: boolean;
}

/** What `gongkai check FILE` does: read, recognise, run the rules — or refuse a file that is no disclosure. */
async function check(file: string): Promise<Checked> {
  const doc = await readDocumentFile(file);
  try {
    checkDoc(doc);
    return { pages: doc.source.pages ?? 0, refused: false };
  } catch (e) {
    if (e instanceof ReadError) return { pages: doc.source.pages ?? 0, refused: true };
    throw e;
  }
}

interface Measured {
  file: string;
  group: string;
  pages: number;
  ours: number;
  pdf2txt: number;
  pdftotext: number;
  failed: boolean;
}

interface Total {
  label: string;
  files: number;
  pages: number;
  ours: number;
  pdftotext: number;
  /** Ours and pdf2txt over the files pdf2txt ran on. */
  minerOurs: number;
  pdf2txt: number;
}

function total(label: string, ms: Measured[]): Total {
  const t: Total = { label, files: 0, pages: 0, ours: 0, pdftotext: 0, minerOurs: 0, pdf2txt: 0 };
  for (const m of ms) {
    if (m.failed) continue;
    t.files++;
    t.pages += m.pages;
    t.ours += m.ours;
    if (Number.isFinite(m.pdftotext)) t.pdftotext += m.pdftotext;
    if (Number.isFinite(m.pdf2txt)) {
      t.minerOurs += m.ours;
      t.pdf2txt += m.pdf2txt;
    }
  }
  return t;
}

const CITIES = join(CORPUS, 'cities');

function isCity(file: string): boolean {
  return file.startsWith(CITIES + sep);
}

/** `cities/<province>/<city>` → `cities/<city>`; `cities/_misfiled` as it is; the other corpus folders; the seeds. */
function groupOf(file: string): string {
  if (!file.startsWith(CORPUS + sep)) return 'seeds';
  const parts = relative(CORPUS, file).split(sep);
  if (parts[0] !== 'cities') return parts[0];
  return parts.length > 3 ? `cities/${parts[2]}` : `cities/${parts[1]}`;
}

/** Whether the native reader reads the whole file (else readPdf hands it to pdf.js). */
function readsNatively(file: string): boolean {
  try {
    const doc = openNative(readFileSync(file));
    for (let p = 1; p <= doc.numPages; p++) doc.page(p);
    return true;
  } catch {
    return false;
  }
}

/** `corpus/jiangsu-budget/江苏省人大办公厅/x.pdf` → `jiangsu-budget/x.pdf`: the folder that says whose, and the name. */
function label(file: string): string {
  if (isCity(file)) return `${groupOf(file)}/${basename(file)}`;
  const parts = shown(file).split(/[\\/]/);
  return parts.length > 2 ? `${parts[1]}/${parts[parts.length - 1]}` : parts.join('/');
}

function fmtPagesPerSecond(pages: number, totalMs: number): string {
  return totalMs > 0 ? (pages / (totalMs / 1000)).toFixed(1) : '—';
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
