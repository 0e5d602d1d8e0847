/**
 * One-off migration (issue 11): one rule per file, the file's path being the rule's id, each in
 * the folder of its category; what several rules share moves to src/rules/lib. Prints the plan
 * with --dry; otherwise git-moves single-rule files and writes the split ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const RULES_DIR = join(ROOT, 'src/rules');
const LIB = join(RULES_DIR, 'lib');
const dry = process.argv.includes('--dry');

/** Names for the lib modules made of a split file's shared helpers (default: the file's base name). */
const LIB_NAMES: Record<string, string> = {
  'arithmetic/three-public.ts': 'three-public-getters.ts',
  'arithmetic/procurement.ts': 'procurement.ts',
  'final-accounts/statements.ts': 'final-statements.ts',
  'final-accounts/procurement.ts': 'final-procurement.ts',
  'cross-table/procurement.ts': 'cross-procurement.ts',
  'narrative/statements.ts': 'narrative-statements.ts',
  'cross-table/tables.ts': 'cross-tables.ts',
  'indicator/indicators.ts': 'indicator-targets.ts',
};

type Decl = { stmt: ts.Statement; names: string[]; refs: Set<string>; exported: boolean };

interface SourceFile {
  rel: string; // e.g. arithmetic/three-public.ts
  path: string;
  text: string;
  sf: ts.SourceFile;
  imports: ts.ImportDeclaration[];
  decls: Decl[];
  header: string;
  rules: Map<string, string>; // export name → rule id
}

const folders = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'lib')
  .map((d) => d.name);

const files: SourceFile[] = [];
for (const folder of folders) {
  for (const f of readdirSync(join(RULES_DIR, folder)).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const path = join(RULES_DIR, folder, f);
    const text = readFileSync(path, 'utf8');
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const mod = (await import(path)) as Record<string, unknown>;
    const rules = new Map<string, string>();
    for (const [name, v] of Object.entries(mod)) {
      const meta = (v as { meta?: { id?: string } })?.meta;
      if (meta?.id && typeof (v as { check?: unknown }).check === 'function') rules.set(name, meta.id);
    }
    files.push({ rel: `${folder}/${f}`, path, text, sf, imports: [], decls: [], header: '', rules });
  }
}

function declaredNames(stmt: ts.Statement): string[] {
  if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.map((d) => (d.name as ts.Identifier).text);
  if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isEnumDeclaration(stmt)) && stmt.name) return [stmt.name.text];
  throw new Error(`unexpected top-level statement: ${stmt.getText().slice(0, 80)}`);
}

function identifiers(node: ts.Node, out = new Set<string>()): Set<string> {
  if (ts.isIdentifier(node)) out.add(node.text);
  node.forEachChild((c) => void identifiers(c, out));
  return out;
}

function isExported(stmt: ts.Statement): boolean {
  return !!ts.getModifiers(stmt as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

for (const f of files) {
  const stmts = f.sf.statements;
  const first = stmts[0];
  const leading = ts.getLeadingCommentRanges(f.text, first?.getFullStart() ?? 0) ?? [];
  // The file's header comment: a leading block comment separated from the first statement by an import.
  if (leading.length && ts.isImportDeclaration(first)) f.header = f.text.slice(leading[0].pos, leading[leading.length - 1].end);
  for (const s of stmts) {
    if (ts.isImportDeclaration(s)) f.imports.push(s);
    else f.decls.push({ stmt: s, names: declaredNames(s), refs: identifiers(s), exported: isExported(s) });
  }
}

/** (module path, name) pairs imported by other modules of the rule folders. */
const importedElsewhere = new Set<string>();
for (const f of files) {
  for (const imp of f.imports) {
    const spec = (imp.moduleSpecifier as ts.StringLiteral).text;
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(f.path), spec.replace(/\.js$/, '.ts'));
    const named = imp.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) for (const e of named.elements) importedElsewhere.add(`${target}#${(e.propertyName ?? e.name).text}`);
  }
}

interface Out {
  path: string;
  from: SourceFile;
  stmts: Decl[];
  ruleId?: string;
  header?: string;
}

/** (old module, name) → new module path. */
const moved = new Map<string, string>();
const outs: Out[] = [];
const singleMoves: { from: string; to: string }[] = [];

for (const f of files) {
  const top = new Set(f.decls.flatMap((d) => d.names));
  const byName = new Map<string, Decl>();
  for (const d of f.decls) for (const n of d.names) byName.set(n, d);
  const deps = (d: Decl) => [...d.refs].filter((r) => top.has(r) && !d.names.includes(r)).map((r) => byName.get(r)!);
  const ruleDecls = f.decls.filter((d) => d.names.some((n) => f.rules.has(n)));
  const helpers = f.decls.filter((d) => !ruleDecls.includes(d));
  // Which rules reach each helper.
  const users = new Map<Decl, Set<Decl>>();
  for (const r of ruleDecls) {
    const stack = deps(r);
    const seen = new Set<Decl>();
    while (stack.length) {
      const d = stack.pop()!;
      if (seen.has(d) || ruleDecls.includes(d)) continue;
      seen.add(d);
      if (!users.has(d)) users.set(d, new Set());
      users.get(d)!.add(r);
      stack.push(...deps(d));
    }
  }
  const inLib = new Set<Decl>();
  for (const h of helpers) {
    const u = users.get(h);
    const external = h.names.some((n) => importedElsewhere.has(`${f.path}#${n}`));
    if (!u || u.size !== 1 || external) inLib.add(h);
  }
  // What a lib helper needs is in lib too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const h of [...inLib]) for (const d of deps(h)) if (!inLib.has(d) && !ruleDecls.includes(d)) (inLib.add(d), (changed = true));
  }
  const libPath = inLib.size ? join(LIB, LIB_NAMES[f.rel] ?? basename(f.path)) : null;
  if (libPath) {
    if (existsSync(libPath)) throw new Error(`${relative(ROOT, libPath)} exists; name it in LIB_NAMES`);
    const stmts = f.decls.filter((d) => inLib.has(d));
    outs.push({ path: libPath, from: f, stmts, header: f.header });
    for (const d of stmts) for (const n of d.names) moved.set(`${f.path}#${n}`, libPath);
  }
  for (const r of ruleDecls) {
    const name = r.names[0];
    const id = f.rules.get(name)!;
    const path = join(RULES_DIR, `${id}.ts`);
    const own = f.decls.filter((d) => d === r || (!inLib.has(d) && users.get(d)?.has(r)));
    outs.push({ path, from: f, stmts: own, ruleId: id, header: ruleDecls.length === 1 && !libPath ? f.header : undefined });
    for (const d of own) for (const n of d.names) moved.set(`${f.path}#${n}`, path);
  }
  if (ruleDecls.length === 1 && !libPath) singleMoves.push({ from: f.path, to: outs[outs.length - 1].path });
  if (!ruleDecls.length && libPath) singleMoves.push({ from: f.path, to: libPath });
}

function spec(fromFile: string, target: string): string {
  let s = relative(dirname(fromFile), target).replace(/\.ts$/, '.js');
  if (!s.startsWith('.')) s = `./${s}`;
  return s;
}

function render(o: Out): string {
  const f = o.from;
  const body = o.stmts.map((d) => {
    let text = f.text.slice(d.stmt.getFullStart(), d.stmt.getEnd()).replace(/^\s*\n/, '');
    if (!d.exported && o.path.startsWith(LIB) && o.ruleId === undefined) {
      // Helpers other modules now reach must be exported.
      const needed = outs.some((x) => x !== o && x.stmts.some((s) => d.names.some((n) => s.refs.has(n))) && x.from === f);
      if (needed) text = text.replace(/^((?:\s*\/\*\*[\s\S]*?\*\/\s*)?)(\s*)(?=(async\s+)?(function|const|let|interface|type|class|enum)\b)/, '$1$2export ');
    }
    return text;
  });
  const used = new Set<string>();
  for (const d of o.stmts) for (const r of d.refs) used.add(r);
  const own = new Set(o.stmts.flatMap((d) => d.names));
  // Imports: the original file's imports still used, each name from where it lives now.
  const groups = new Map<string, { types: Set<string>; values: Set<string>; typeOnly: boolean }>();
  const add = (target: string, name: string, type: boolean, typeOnlyDecl: boolean) => {
    const s = target.startsWith('/') ? spec(o.path, target) : target;
    const g = groups.get(s) ?? { types: new Set<string>(), values: new Set<string>(), typeOnly: typeOnlyDecl };
    if (!typeOnlyDecl) g.typeOnly = false;
    (type ? g.types : g.values).add(name);
    groups.set(s, g);
  };
  for (const imp of f.imports) {
    const modSpec = (imp.moduleSpecifier as ts.StringLiteral).text;
    const clause = imp.importClause;
    if (!clause) continue;
    const typeOnlyDecl = clause.isTypeOnly;
    const named = clause.namedBindings;
    if (clause.name && used.has(clause.name.text)) throw new Error(`default import in ${f.rel}`);
    if (named && ts.isNamespaceImport(named)) throw new Error(`namespace import in ${f.rel}`);
    if (!named) continue;
    for (const e of named.elements) {
      const local = e.name.text;
      if (!used.has(local)) continue;
      if (e.propertyName) throw new Error(`renamed import in ${f.rel}`);
      let target: string;
      if (modSpec.startsWith('.')) {
        const abs = resolve(dirname(f.path), modSpec.replace(/\.js$/, '.ts'));
        target = moved.get(`${abs}#${local}`) ?? abs;
      } else target = modSpec;
      add(target, local, e.isTypeOnly, typeOnlyDecl);
    }
  }
  // Names of the same original file that now live elsewhere.
  for (const n of used) {
    if (own.has(n)) continue;
    const target = moved.get(`${f.path}#${n}`);
    if (!target || target === o.path) continue;
    const d = f.decls.find((x) => x.names.includes(n))!;
    const isType = ts.isInterfaceDeclaration(d.stmt) || ts.isTypeAliasDeclaration(d.stmt);
    add(target, n, isType, false);
  }
  const lines: string[] = [];
  const sorted = [...groups.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  for (const [s, g] of sorted) {
    const names = [...[...g.values].sort(cmp), ...[...g.types].sort(cmp).map((t) => (g.typeOnly ? t : `type ${t}`))].sort((a, b) => cmp(a.replace(/^type /, ''), b.replace(/^type /, '')));
    lines.push(`import ${g.typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${s}';`);
  }
  const head = o.header ? `${o.header}\n` : '';
  return `${head}${lines.join('\n')}\n\n${body.join('\n\n').trim()}\n`;
}

function cmp(a: string, b: string): number {
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
}

function order(s: string): number {
  return s.startsWith('node:') ? 0 : !s.startsWith('.') && !s.startsWith('/') ? 1 : 2;
}

// Resolve absolute targets to specifiers relative to each output at render time.
for (const o of outs) {
  const text = render(o);
  if (dry) {
    console.log(`== ${relative(ROOT, o.path)}  (from ${o.from.rel}, ${o.stmts.length} decl${o.ruleId ? `, rule ${o.ruleId}` : ', lib'})`);
    continue;
  }
  (o as Out & { text: string }).text = text;
}
if (dry) {
  for (const m of singleMoves) console.log(`git mv ${relative(ROOT, m.from)} ${relative(ROOT, m.to)}`);
  process.exit(0);
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: 'inherit' });
for (const m of singleMoves) {
  if (m.from === m.to) continue;
  mkdirSync(dirname(m.to), { recursive: true });
  git('mv', relative(ROOT, m.from), relative(ROOT, m.to));
}
const kept = new Set(singleMoves.map((m) => m.to));
for (const f of files) if (!singleMoves.some((m) => m.from === f.path)) git('rm', '-q', relative(ROOT, f.path));
for (const o of outs) {
  mkdirSync(dirname(o.path), { recursive: true });
  writeFileSync(o.path, (o as Out & { text: string }).text);
  if (!kept.has(o.path)) git('add', relative(ROOT, o.path));
}
console.log(`${outs.length} files written, ${singleMoves.length} moved`);
