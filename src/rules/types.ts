/**
 * The shape of a rule, imitating ESLint: `meta` says what the rule is and why (the catalog and
 * docs/rules.md are generated from it); `check` reads the typed model and reports findings.
 */
import type { Disclosure, DocumentKind, Finding, Severity, TableKind } from '../model/disclosure.js';
import type { Money } from '../model/money.js';
import type { z } from 'zod';

export const CATEGORIES = [
  'arithmetic',
  'cross-table',
  'narrative',
  'classification',
  'completeness',
  'indicator',
  'text-quality',
  'privacy',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TITLES: Record<Category, string> = {
  arithmetic: '表内与段内运算',
  'cross-table': '表间勾稽',
  narrative: '说明文字与表格',
  classification: '科目编码与名称',
  completeness: '完整性',
  indicator: '绩效指标',
  'text-quality': '文本质量',
  privacy: '个人信息',
};

export interface RuleExample {
  /** A bad case in words (the figures that break the rule). */
  bad: string;
  /** The message the rule gives for it. */
  message: string;
}

/** `Id` is the rule's messageIds: the compiler then holds every report to a declared one. */
export interface RuleMeta<Id extends string = string> {
  /** kebab-case, grouped by category: `arithmetic/t1-revenue-total`. */
  id: string;
  /** Chinese, short. */
  title: string;
  severity: Severity;
  category: Category;
  /** The regulation or practice the rule follows. */
  basis: string;
  /** What the rule checks and when it stays silent (Chinese or English). */
  description: string;
  example: RuleExample;
  /** Document kinds the rule runs on; all when absent. */
  appliesTo?: DocumentKind[];
  /**
   * The rule checks what a region's template publishes (which tables, their notes, code depth,
   * column sets) rather than an identity that holds everywhere: at most a warning under a profile
   * that does not describe the document's template.
   */
  expectation?: boolean;
  /** Table kinds the rule reads, for the docs. */
  tables?: TableKind[];
  /**
   * What the document's author should change, in Chinese, when the finding's own figures do not
   * say it (those give “应为 238.42 万元” by themselves): a fixed text (删除模板说明文字) or one
   * computed from the finding (将“效果指标”改为“效益指标”); undefined when nothing can be said.
   */
  fix?: string | ((finding: Finding) => string | undefined);
  /**
   * The options a profile may set, as a strict zod object whose fields carry their defaults
   * (`threshold: z.number().min(0).max(1).default(0.8)`): a profile's options are checked against
   * it (a wrong one is a ProfileError naming the profile and the rule), and the rule reads the
   * parsed result. A rule without it takes no options.
   */
  options?: z.ZodObject;
  /**
   * What the rule says, as ESLint's `meta.messages`: a messageId (camelCase) for each message, a
   * Chinese template whose `{{name}}` placeholders the report's `data` fills
   * (`'{{place}}指标值“{{raw}}”只有数字，缺少计量单位{{text}}。'`). Every rule has them and reports
   * by messageId only; a helper of src/rules/lib that reports for a rule takes the id from it and
   * fills the placeholders it documents. docs/rules.md lists them, and test/rules/registry.test.ts
   * fails when a rule reports an id its meta lacks or declares one it never reports.
   */
  messages: Record<Id, string>;
}

export type FindingLocation = Finding['location'];

/** Values for a message template's `{{placeholders}}`, written as a template literal would. */
export type MessageData = Record<string, string | number | { toString(): string }>;

export interface ReportInput<Id extends string = string> {
  /** A key of the rule's `meta.messages`: what the finding says. */
  messageId: Id;
  /** Fills the message's `{{placeholders}}`. */
  data?: MessageData;
  location?: FindingLocation;
  figures?: Record<string, Money | null>;
  expected?: Money | null;
  actual?: Money | null;
  difference?: Money | null;
  /**
   * The difference is within rounding tolerance: dropped, or reported as info when the profile
   * asks for rounding notes.
   */
  rounding?: boolean;
  /**
   * A hint, not a breach: reported as info whatever the rule's level (e.g. a requirement that was
   * not yet in force in the document's year).
   */
  advisory?: boolean;
}

export interface RuleContext<Id extends string = string> {
  readonly doc: Disclosure;
  /** Options for this rule from the profile (merged over the rule's defaults). */
  readonly options: Readonly<Record<string, unknown>>;
  report(finding: ReportInput<Id>): void;
}

export interface Rule<Id extends string = string> {
  meta: RuleMeta<Id>;
  check(doc: Disclosure, ctx: RuleContext<Id>): void;
}

const defaults = new WeakMap<Rule, Readonly<Record<string, unknown>>>();

/** The options a rule runs with when no profile sets any: its schema's defaults (`{}` without one). */
export function defaultOptions(rule: Rule): Readonly<Record<string, unknown>> {
  let d = defaults.get(rule);
  if (!d) {
    d = rule.meta.options ? (rule.meta.options.parse({}) as Record<string, unknown>) : {};
    defaults.set(rule, d);
  }
  return d;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The placeholders of a message template, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * The text of a report: its messageId's template filled from its data. A report without an id (a
 * raw `message` from JavaScript), an id the meta lacks or a missing value is a bug of the rule,
 * thrown (the engine reports the rule as failed, so tests see it).
 */
export function messageOf(meta: RuleMeta, r: ReportInput): string {
  if (r.messageId === undefined) throw new Error(`规则 ${meta.id} 的报告须用 meta.messages 中的 messageId`);
  const template = meta.messages?.[r.messageId];
  if (template === undefined) throw new Error(`规则 ${meta.id} 报告了 meta.messages 中没有的 messageId “${r.messageId}”`);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = r.data?.[name];
    if (v === undefined) throw new Error(`规则 ${meta.id} 的消息 ${r.messageId} 缺少占位值 {{${name}}}`);
    return String(v);
  });
}

/**
 * Identity helper so rule modules get type checking without annotations: the messageIds are read
 * from `meta.messages`, and a report by an id the meta lacks does not compile (as
 * typescript-eslint's RuleCreator does with its MessageIds).
 */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule {
  return rule as unknown as Rule;
}
