/**
 * SARIF 2.1.0, the static-analysis results format code-review tools and dashboards read: one run,
 * the rules that fired with their Chinese titles, one result per finding with its level, message
 * (with the fix), the file, the line where a text file has one, and the place in words.
 */
import type { Finding } from '../model/disclosure.js';
import type { CheckResult } from '../pipeline.js';
import { messageWithFix, ruleMeta } from './fix.js';
import { locate, ruleTitle } from './group.js';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function renderSarif(results: CheckResult[], version: string): string {
  const ids = [...new Set(results.flatMap((r) => r.findings.map((f) => f.rule)))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const meta = ruleMeta(id);
    const rule: Record<string, unknown> = { id, name: id, shortDescription: { text: ruleTitle(id) } };
    if (meta) {
      rule.fullDescription = { text: meta.description };
      rule.defaultConfiguration = { level: LEVEL[meta.severity] };
      rule.properties = { category: meta.category, basis: meta.basis };
    }
    return rule;
  });
  const out = results.flatMap((r) =>
    r.findings.map((f) => {
      const where = f.where ?? locate(f, r.document).where;
      const physical: Record<string, unknown> = { artifactLocation: { uri: r.document.source.path } };
      if (r.document.source.format === 'txt' && f.location.line) physical.region = { startLine: f.location.line };
      const properties: Record<string, unknown> = { where };
      if (f.location.page) properties.page = f.location.page;
      if (f.location.sheet) properties.sheet = f.location.sheet;
      if (f.location.cell) properties.cell = f.location.cell;
      for (const k of ['expected', 'actual', 'difference'] as const) if (f[k] !== undefined && f[k] !== null) properties[k] = f[k]!.toNumber();
      if (f.fix) properties.fix = f.fix;
      return {
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: messageWithFix(f.message, f.severity === 'info' ? undefined : f.fix) },
        locations: [{ physicalLocation: physical, message: { text: where } }],
        properties,
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gongkai', version, rules } },
        artifacts: results.map((r) => ({ location: { uri: r.document.source.path }, length: r.document.source.bytes, hashes: { 'sha-256': r.document.source.sha256 } })),
        results: out,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
