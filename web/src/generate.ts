/** The generation API as the 编制公开文件 page uses it. */
import { ApiError, apiFetch, type Finding } from './api';

/** The dataset as JSON (schema/budget-dataset.schema.json); the page edits it as plain data. */
export type Dataset = Record<string, unknown> & { kind?: string; year?: number };

export interface TemplateInfo {
  id: string;
  name: string;
  kind: 'budget' | 'final-accounts';
}

/** The form's names, from the server (the dataset's own): sources and the reasons a person writes. */
export interface FormNames {
  sources: { id: string; name: string }[];
  reasons: { key: string; label: string; kinds: string[] }[];
}

export function blankDataset(kind: string): Dataset {
  return { kind, year: new Date().getFullYear() + (kind === 'budget' ? 0 : -1), entity: { name: '' }, expenditure: [], basicEconomic: [], reasons: {} };
}

async function errorOf(res: Response): Promise<string> {
  try {
    return ((await res.json()) as { error?: string }).error ?? `请求失败（${res.status}）`;
  } catch {
    return `请求失败（${res.status}）`;
  }
}

export async function generateTemplates(): Promise<{ templates: TemplateInfo[] } & FormNames> {
  const res = await apiFetch('/api/generate/templates');
  if (!res.ok) throw new ApiError(await errorOf(res));
  return (await res.json()) as { templates: TemplateInfo[] } & FormNames;
}

/** The dataset's own checks: findings, or the one line saying why it is not a dataset yet. */
export async function gateFindings(data: Dataset): Promise<{ findings?: Finding[]; error?: string }> {
  const res = await apiFetch('/api/generate/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
  if (res.status === 400) return { error: await errorOf(res) };
  if (!res.ok) throw new ApiError(await errorOf(res));
  return (await res.json()) as { findings: Finding[] };
}

/**
 * A file made into a dataset by the server: this year's figures, or — with `current` — last
 * year's published disclosure applied to the dataset being edited (上年 figures, text).
 */
export async function datasetFromFile(file: File, current?: Dataset): Promise<Dataset> {
  const form = new FormData();
  if (current) form.append('dataset', JSON.stringify(current));
  form.append('file', file, file.name);
  const res = await apiFetch(current ? '/api/generate/prior' : '/api/generate/dataset', { method: 'POST', body: form });
  if (!res.ok) throw new ApiError(await errorOf(res));
  return ((await res.json()) as { dataset: Dataset }).dataset;
}

function fileName(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** Generates and saves the file through the browser's download; a refusal brings the findings. */
export async function downloadGenerated(data: Dataset, opts: { format: string; template?: string; draft: boolean }): Promise<{ ok: boolean; message: string; findings?: Finding[] }> {
  const q = new URLSearchParams({ format: opts.format, draft: String(opts.draft) });
  if (opts.template) q.set('template', opts.template);
  const res = await apiFetch(`/api/generate?${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
  if (res.status === 422) {
    const body = (await res.json()) as { error: string; findings: Finding[] };
    return { ok: false, message: body.error, findings: body.findings };
  }
  if (!res.ok) return { ok: false, message: await errorOf(res) };
  const name = fileName(res, `disclosure.${opts.format}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, message: `已生成：${name}` };
}
