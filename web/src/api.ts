/** The HTTP API as the app uses it: types of what it answers, and fetch helpers. */

export type Severity = 'error' | 'warning' | 'info';

export interface Loc {
  block?: number;
  line?: number;
  page?: number;
  sheet?: string;
  table?: number;
  row?: number;
  col?: number;
  box?: [number, number, number, number];
  sentence?: string;
  where?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  location: Loc;
  figures?: Record<string, number | null>;
  expected?: number | null;
  actual?: number | null;
  difference?: number | null;
  /** Where it is, in words a person can follow (also in location.where). */
  where?: string;
  /** What to change, when the rule can say it (e.g. 应为 99.97%). */
  fix?: string;
}

export interface Figure {
  raw: string;
  value: number | null;
  loc: Loc;
}

/** The typed model as JSON; the app reads the parts it shows and leaves the rest. */
export interface Disclosure {
  kind: 'budget' | 'final-accounts' | 'self-evaluation';
  year: number | null;
  title: string | null;
  entity: { name: string | null; region: string | null; code: string | null; scope: string | null };
  unit: { raw: string; scale: string };
  source: { path: string; format: 'txt' | 'docx' | 'pdf' | 'xlsx' | 'html'; bytes: number; sha256: string; pages?: number };
  tables: StdTable[];
  claims: Claim[];
  projects: Project[];
  selfEvaluation: SelfEvaluation | null;
  [key: string]: unknown;
}

export interface StdTable {
  kind: string;
  title: string;
  loc: Loc;
  columns: { key: string; header: string; col?: number }[];
  rows: { code: string | null; name: string; cells: Record<string, Figure | null>; loc: Loc; total?: boolean; [k: string]: unknown }[];
  reading?: { status: string; notes?: string[] } | null;
  [key: string]: unknown;
}

export interface Claim {
  subject: string;
  figure: Figure;
  sentence?: string;
  loc?: Loc;
  [key: string]: unknown;
}

export interface Project {
  name: string;
  amount?: Figure | null;
  indicators?: { level1?: string | null; level2?: string | null; name: string; target?: { raw: string } | null; actual?: { raw: string } | null }[];
  [key: string]: unknown;
}

export interface SelfEvaluation {
  [key: string]: unknown;
}

export interface CheckResult {
  document: Disclosure;
  findings: Finding[];
}

export interface UploadResult extends CheckResult {
  id: number;
  version: number;
  duplicate: boolean;
}

export interface DocumentSummary {
  id: number;
  entity: string | null;
  entityId: number | null;
  region: string | null;
  year: number | null;
  kind: string;
  title: string | null;
  version: number;
  versions: number;
  fileName: string;
  format: string;
  pages: number | null;
  findings: { error: number; warning: number; info: number };
  importedAt: string;
}

export interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
  category: string;
  categoryTitle: string;
  basis: string;
  description: string;
}

/** Neutral tree nodes (src/read/doc.ts). */
export interface TreeCell {
  text: string;
  loc: Loc;
  mergedFrom?: { row: number; col: number };
  rowSpan?: number;
  colSpan?: number;
}
export type TreeBlock = { type: 'paragraph'; text: string; loc: Loc } | { type: 'table'; rows: TreeCell[][]; loc: Loc };
export interface Tree {
  format: string;
  pages: number | null;
  blocks: TreeBlock[];
}

export class ApiError extends Error {}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sent when the server answers 401: the session ended, or this server wants a login. */
export const UNAUTHORIZED_EVENT = 'gongkai:unauthorized';

/** The session's CSRF token, from the readable cookie the login set (none in the local mode). */
export function csrfToken(): string | null {
  const m = /(?:^|;\s*)gongkai_csrf=([^;]*)/.exec(document.cookie);
  return m && m[1] ? decodeURIComponent(m[1]) : null;
}

/**
 * fetch for the API: a write carries the session's CSRF token in X-CSRF-Token (a server that
 * requires accounts refuses a session's write without it), and a 401 tells the app to ask for a
 * login. Every request of the app to the API goes through here (or uploadFile).
 */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  const token = UNSAFE.has(method) ? csrfToken() : null;
  if (token) headers.set('X-CSRF-Token', token);
  const res = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  if (res.status === 401 && !url.startsWith('/api/auth/')) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  return res;
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await apiFetch(url, init);
  } catch {
    throw new ApiError('无法连接服务器，请检查网络或服务是否在运行');
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(`服务器返回了无法识别的内容（${res.status}）`);
  }
  if (!res.ok) throw new ApiError((body as { error?: string } | null)?.error ?? `请求失败（${res.status}）`);
  return body as T;
}

export function sendJson<T>(url: string, method: string, data: unknown): Promise<T> {
  return getJson<T>(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
}

let rulesOnce: Promise<Map<string, RuleInfo>> | null = null;
/** The rule catalog, fetched once per page load. */
export function rules(): Promise<Map<string, RuleInfo>> {
  rulesOnce ??= getJson<RuleInfo[]>('/api/rules')
    .then((list) => new Map(list.map((r) => [r.id, r])))
    .catch((e) => {
      rulesOnce = null;
      throw e;
    });
  return rulesOnce;
}

/**
 * Uploads one file; `onProgress` gets the share sent (0–1). Resolves with the check result, or
 * rejects with the API's one-line Chinese reason.
 */
export function uploadFile(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* reported below */
      }
      if (xhr.status === 401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as UploadResult);
      else reject(new ApiError((body as { error?: string } | null)?.error ?? `上传失败（${xhr.status}）`));
    };
    xhr.onerror = () => reject(new ApiError('上传中断：无法连接服务器'));
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.onabort = () => reject(new ApiError('已取消'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const KIND_NAMES: Record<string, string> = { budget: '部门预算', 'final-accounts': '部门决算', 'self-evaluation': '绩效自评' };
export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };
