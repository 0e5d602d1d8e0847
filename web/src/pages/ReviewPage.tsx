/**
 * The reviewer's dashboard over the store: every document (entity × year × kind) with its error,
 * warning and info counts; filters by region (hierarchy), year, kind, rule and severity kept in
 * the address so a reload or a shared link shows the same list; sorting; drill-down; batch upload.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Cascader, Drawer, List, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { getJson, KIND_NAMES, SEVERITY_NAMES, type DocumentSummary, type Severity } from '../api';
import { useRules } from '../components/FindingsPanel';
import { useUploads } from '../hooks/useUploads';
import { regionPath, regionTree } from '../regions';
import { FileRow } from './CheckPage';

interface Facets {
  regions: { region: string; documents: number }[];
  years: { year: number; documents: number }[];
  kinds: { kind: string; documents: number }[];
  rules: { rule: string; documents: number }[];
}

interface ListAnswer {
  total: number;
  findings: Record<Severity, number>;
  items: DocumentSummary[];
}

const FILTER_KEYS = ['regionPrefix', 'year', 'kind', 'rule', 'severity', 'sort', 'order', 'page'] as const;
const PAGE_SIZE = 20;
/** Milliseconds a list request may take before the table shows it is loading. */
const SPIN_DELAY = 200;
const ACCEPTED = /\.(pdf|docx|xlsx|html?|txt)$/i;
/**
 * The 导入时间 column's format, made once: `Date#toLocaleString` builds a formatter on every call,
 * which for a page of rows rendered several times per filter change was a tenth of the change.
 * The same fields as toLocaleString's defaults, so the text is the same.
 */
const IMPORTED_AT = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false });

export default function ReviewPage() {
  const [params, setParams] = useSearchParams();
  const [facets, setFacets] = useState<Facets | null>(null);
  const [data, setData] = useState<ListAnswer | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [uploadOpen, setUploadOpen] = useState(false);
  const [reloads, setReloads] = useState(0);
  const catalog = useRules();
  const uploads = useUploads(() => setReloads((n) => n + 1));

  const get = (k: (typeof FILTER_KEYS)[number]) => params.get(k) ?? undefined;
  const set = (changes: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: false });
  };

  useEffect(() => {
    getJson<Facets>('/api/review/facets').then(setFacets, (e: Error) => setError(e.message));
  }, [reloads]);

  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of ['regionPrefix', 'year', 'kind', 'rule', 'severity', 'sort', 'order'] as const) {
      const v = params.get(k);
      if (v) q.set(k, v);
    }
    const page = Number(params.get('page') ?? 1);
    q.set('limit', String(PAGE_SIZE));
    q.set('offset', String((page - 1) * PAGE_SIZE));
    return q.toString();
  }, [params]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    getJson<ListAnswer>(`/api/review/documents?${query}`)
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, reloads]);

  const regions = useMemo(() => regionTree(facets?.regions ?? []), [facets]);
  // The filters' options and the table's columns are kept between renders: given new arrays, every
  // select re-renders its (hidden) option list and measures it, and the table re-derives its
  // columns — on each of the renders a filter change makes (loading, answer, loaded).
  const yearOptions = useMemo(() => facets?.years.map((y) => ({ value: String(y.year), label: `${y.year} 年（${y.documents}）` })), [facets]);
  const kindOptions = useMemo(() => facets?.kinds.map((k) => ({ value: k.kind, label: `${KIND_NAMES[k.kind] ?? k.kind}（${k.documents}）` })), [facets]);
  const ruleOptions = useMemo(() => facets?.rules.map((r) => ({ value: r.rule, label: `${catalog.get(r.rule)?.title ?? r.rule}（${r.documents}）` })), [facets, catalog]);
  const sort = get('sort') ?? 'errors';
  const order = get('order');
  const columns = useMemo(() => reviewColumns(sort, order), [sort, order]);

  function addFiles(files: File[]) {
    const ok = files.filter((f) => ACCEPTED.test(f.name));
    uploads.add(ok);
  }

  async function addZip(zip: File) {
    const { default: JSZip } = await import('jszip');
    const archive = await JSZip.loadAsync(zip);
    const files: File[] = [];
    for (const entry of Object.values(archive.files)) {
      if (entry.dir || !ACCEPTED.test(entry.name) || /(^|\/)(__MACOSX|\.)/.test(entry.name)) continue;
      files.push(new File([await entry.async('blob')], entry.name.split('/').pop()!));
    }
    uploads.add(files);
  }

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Cascader
            aria-label="地区"
            placeholder="地区"
            changeOnSelect
            options={regions}
            value={get('regionPrefix') ? regionPath(get('regionPrefix')!) : undefined}
            onChange={(v) => set({ regionPrefix: v?.length ? String(v[v.length - 1]) : undefined })}
            style={{ minWidth: 220 }}
          />
          <Select
            aria-label="年度"
            placeholder="年度"
            allowClear
            style={{ width: 110 }}
            value={get('year')}
            onChange={(v) => set({ year: v })}
            options={yearOptions}
          />
          <Select
            aria-label="类型"
            placeholder="类型"
            allowClear
            style={{ width: 150 }}
            value={get('kind')}
            onChange={(v) => set({ kind: v })}
            options={kindOptions}
          />
          <Select
            aria-label="规则"
            placeholder="规则"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 280 }}
            value={get('rule')}
            onChange={(v) => set({ rule: v })}
            options={ruleOptions}
          />
          <Select
            aria-label="级别"
            placeholder="级别"
            allowClear
            style={{ width: 130 }}
            value={get('severity')}
            onChange={(v) => set({ severity: v })}
            options={(['error', 'warning', 'info'] as Severity[]).map((s) => ({ value: s, label: `有${SEVERITY_NAMES[s]}的` }))}
          />
          <Button onClick={() => setParams(new URLSearchParams())}>清除筛选</Button>
          <Button type="primary" onClick={() => setUploadOpen(true)}>
            批量上传
          </Button>
        </Space>
      </Card>

      {error && <Alert type="error" showIcon title={error} />}

      <Card size="small">
        <Space size={32} wrap style={{ marginBottom: 12 }}>
          <Statistic title="文件" value={data?.total ?? 0} valueRender={(n) => <span data-testid="total-documents">{n}</span>} />
          {(['error', 'warning', 'info'] as Severity[]).map((s) => (
            <Statistic
              key={s}
              title={SEVERITY_NAMES[s]}
              value={data?.findings[s] ?? 0}
              valueStyle={s === 'error' ? { color: '#b91c1c' } : undefined}
              valueRender={(n) => <span data-testid={`total-${s}`}>{n}</span>}
            />
          ))}
        </Space>
        <Table<DocumentSummary>
          rowKey="id"
          size="small"
          // The spinner only for an answer slower than a blink: shown and taken away again
          // within a filter change, it re-drew the whole table twice (blurred, then clear).
          loading={{ spinning: loading, delay: SPIN_DELAY }}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 720 }}
          pagination={{
            current: Number(get('page') ?? 1),
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 份`,
          }}
          onChange={(pagination, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = s?.order ? String(s.columnKey) : undefined;
            const nextSort = key ?? undefined;
            const nextOrder = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined;
            if (nextSort !== (get('sort') ?? undefined) || nextOrder !== get('order')) set({ sort: nextSort, order: nextOrder });
            else set({ page: String(pagination.current ?? 1) });
          }}
          locale={{ emptyText: '没有符合条件的文件' }}
        />
      </Card>

      <Drawer title="批量上传" open={uploadOpen} onClose={() => setUploadOpen(false)} size="large">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">
            选择一个文件夹（其中的 PDF、Word、Excel、HTML、文本文件逐个上传检查），或一个 zip 压缩包。每个文件单独显示进度；读不了的文件列出原因，不影响其他文件。
          </Typography.Paragraph>
          <Space wrap>
            <Upload
              directory
              multiple
              showUploadList={false}
              beforeUpload={(file, list) => {
                if (file === list[0]) addFiles(list as unknown as File[]);
                return false;
              }}
            >
              <Button>选择文件夹</Button>
            </Upload>
            <Upload
              accept=".zip"
              showUploadList={false}
              beforeUpload={(file) => {
                addZip(file as unknown as File).catch((e: Error) => setError(`${file.name}：无法打开压缩包（${e.message}）`));
                return false;
              }}
            >
              <Button>选择 zip 压缩包</Button>
            </Upload>
            <Upload
              multiple
              accept=".pdf,.docx,.xlsx,.html,.htm,.txt"
              showUploadList={false}
              beforeUpload={(file, list) => {
                if (file === list[0]) addFiles(list as unknown as File[]);
                return false;
              }}
            >
              <Button>选择多个文件</Button>
            </Upload>
          </Space>
          {uploads.items.length > 0 && (
            <>
              <Space>
                <Tag color="green">完成 {uploads.items.filter((i) => i.status === 'done').length}</Tag>
                <Tag color="red">失败 {uploads.items.filter((i) => i.status === 'failed').length}</Tag>
                <Tag>进行中 {uploads.items.filter((i) => i.status !== 'done' && i.status !== 'failed').length}</Tag>
              </Space>
              <List size="small" dataSource={uploads.items} renderItem={(i) => <FileRow item={i} />} />
            </>
          )}
        </Space>
      </Drawer>
    </Space>
  );
}

/** The table's columns, the sorted one marked with its direction. */
function reviewColumns(sort: string, order: string | undefined): TableProps<DocumentSummary>['columns'] {
  const columns: NonNullable<TableProps<DocumentSummary>['columns']> = [
    {
      title: '单位',
      dataIndex: 'entity',
      key: 'entity',
      sorter: true,
      render: (v: string | null, r) => <Link to={`/documents/${r.id}`}>{v ?? r.fileName}</Link>,
    },
    { title: '地区', dataIndex: 'region', key: 'region', sorter: true, responsive: ['md'] },
    { title: '年度', dataIndex: 'year', key: 'year', sorter: true, width: 80 },
    { title: '类型', dataIndex: 'kind', key: 'kind', sorter: true, width: 100, render: (k: string) => KIND_NAMES[k] ?? k },
    ...(['error', 'warning', 'info'] as Severity[]).map((s) => ({
      title: SEVERITY_NAMES[s],
      key: `${s}s`,
      sorter: true,
      width: 80,
      align: 'right' as const,
      render: (_: unknown, r: DocumentSummary) => (
        <span data-testid={`row-${s}`} style={{ color: s === 'error' && r.findings.error ? '#b91c1c' : undefined, fontWeight: s === 'error' && r.findings.error ? 600 : undefined }}>
          {r.findings[s]}
        </span>
      ),
    })),
    { title: '版本', dataIndex: 'versions', key: 'versions', width: 70, responsive: ['lg'] },
    {
      title: '导入时间',
      dataIndex: 'importedAt',
      key: 'imported',
      sorter: true,
      responsive: ['lg'],
      render: (v: string) => IMPORTED_AT.format(new Date(v)),
    },
  ];
  for (const c of columns) {
    if (c.key === sort) (c as { sortOrder?: 'ascend' | 'descend' | null }).sortOrder = order === 'asc' ? 'ascend' : order === 'desc' ? 'descend' : ['errors', 'warnings', 'infos', 'imported'].includes(sort) ? 'descend' : 'ascend';
    else (c as { sortOrder?: null }).sortOrder = null;
  }
  return columns;
}
