/**
 * Generating and reading back: a disclosure generated from a dataset, read by gongkai's own
 * check (read → recognise → rules), must give the dataset's figures and no error-level finding.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, Summary } from '../../src/model/disclosure.js';
import type { Money } from '../../src/model/money.js';
import { computeFigures } from '../../src/generate/figures.js';
import { generate, type OutputFormat } from '../../src/generate/index.js';
import type { Dataset } from '../../src/generate/dataset.js';
import { checkFile, type CheckResult } from '../../src/pipeline.js';

export const dir = mkdtempSync(join(tmpdir(), 'gongkai-generate-'));

/** LibreOffice is a system package: PDF tests skip, saying so, where it is not installed. */
export const HAVE_SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
export const pdfOnly = HAVE_SOFFICE ? {} : { skip: 'LibreOffice (soffice) is not installed: the PDF is not generated here' };

export async function generateAndRead(data: Dataset, format: OutputFormat, template: string, name: string): Promise<CheckResult> {
  const r = await generate(data, { format, template });
  assert.ok(r.bytes, `gate blocked: ${r.findings.map((f) => f.message).join('；')}`);
  const path = join(dir, `${name}.${format}`);
  writeFileSync(path, r.bytes);
  return checkFile(path);
}

const n = (m: Money | null | undefined) => (m ? m.toFixed(2) : null);

/** The summary the dataset's figures give, as a checker would state it. */
export function expectedSummary(data: Dataset): Record<string, string | null> {
  const f = computeFigures(data);
  return {
    revenueTotal: n(f.revenueTotal),
    expenditureTotal: n(f.revenueTotal),
    basicExpenditure: n(f.basic),
    personnelExpenditure: n(f.personnel),
    publicExpenditure: n(f.public),
    projectExpenditure: n(f.project),
    operatingCosts: data.operatingCosts ? n(data.operatingCosts.current) : null,
    threePublic: f.threePublic ? n(f.threePublic.total) : null,
    procurementTotal: n(f.procurement.total),
    assetsTotal: f.assetsTotal ? n(f.assetsTotal) : null,
  };
}

export function readSummary(s: Summary): Record<string, string | null> {
  return {
    revenueTotal: n(s.revenueTotal),
    expenditureTotal: n(s.expenditureTotal),
    basicExpenditure: n(s.basicExpenditure),
    personnelExpenditure: n(s.personnelExpenditure),
    publicExpenditure: n(s.publicExpenditure),
    projectExpenditure: n(s.projectExpenditure),
    operatingCosts: n(s.operatingCosts),
    threePublic: n(s.threePublic.total),
    procurementTotal: n(s.procurementTotal),
    assetsTotal: n(s.assetsTotal),
  };
}

export const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
