/** The generation API as the 编制公开文件 page uses it. */
import { ApiError, apiFetch, type Finding } from './api';

/** The dataset as JSON (schema/budget-dataset.schema.json); the page edits it as plain data. */
export type Dataset = Record<string, unknown> & { kind?: string; year?: number };

export interface TemplateInfo {
  id: string;
  name: string;
  kind: 'budget' | 'final-accounts';
}

export const SOURCE_NAMES: Record<string, string> = {
  generalBudget: '一般公共预算拨款',
  govFund: '政府性基金预算拨款',
  stateCapital: '国有资本经营预算拨款',
  fiscalSpecial: '财政专户管理资金',
  business: '事业收入',
  operatingIncome: '事业单位经营收入',
  superiorSubsidy: '上级补助收入',
  subsidiaryIncome: '附属单位上缴收入',
  other: '其他收入',
};

export const REASONS: [string, string][] = [
  ['total', '收支总额比上年增减的主要原因'],
  ['threePublic', '“三公”经费比上年增减的主要原因'],
  ['abroad', '因公出国（境）费增减原因'],
  ['vehicle', '公务用车购置及运行费增减原因'],
  ['reception', '公务接待费增减原因'],
  ['operatingCosts', '机关运行经费增减原因'],
];

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

export async function generateTemplates(): Promise<TemplateInfo[]> {
  const res = await apiFetch('/api/generate/templates');
  if (!res.ok) throw new ApiError(await errorOf(res));
  return ((await res.json()) as { templates: TemplateInfo[] }).templates;
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
