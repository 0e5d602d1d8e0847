/**
 * One stored document: its findings with their places, the recognised parts in tabs, its
 * versions, and downloads.
 */
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Dropdown, Space, Spin, Tabs, Tag } from 'antd';
import { getJson, KIND_NAMES, type CheckResult } from '../api';
import { FindingsWorkspace } from '../components/FindingsWorkspace';
import { NarrativeTab, ProjectsTab, ScorecardTab, TablesTab } from '../components/DocumentParts';

interface VersionRow {
  version: number;
  fileName: string;
  importedAt: string;
  current: boolean;
  findings: { error: number; warning: number; info: number };
}

/**
 * Report formats the server offers (GET /api/documents/:id/report?format=), read from its OpenAPI
 * document rather than by asking for a report (which would make one).
 */
let offered: Promise<string[]> | null = null;
function offeredReports(): Promise<string[]> {
  offered ??= getJson<{ paths?: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }> }>('/api/openapi.json').then(
    (doc) => doc.paths?.['/api/documents/{id}/report']?.get?.parameters?.find((p) => p.name === 'format')?.schema?.enum ?? [],
    () => [],
  );
  return offered;
}

const REPORTS = [
  { format: 'xlsx', label: '检查发现（Excel）' },
  { format: 'annotated-pdf', label: '批注版 PDF（发现框在原页面上）' },
  { format: 'html', label: '检查报告（网页）' },
  { format: 'pdf', label: '检查报告（PDF）' },
];

export default function DocumentPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const [versions, setVersions] = useState<VersionRow[] | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [reports, setReports] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const tab = params.get('tab') ?? 'findings';
  const asked = params.get('version') ? Number(params.get('version')) : undefined;

  useEffect(() => {
    setVersions(null);
    getJson<VersionRow[]>(`/api/documents/${id}/versions`).then(setVersions, (e: Error) => setError(e.message));
  }, [id]);
  const version = asked ?? versions?.find((v) => v.current)?.version;
  useEffect(() => {
    if (version === undefined) return;
    setResult(null);
    getJson<CheckResult>(`/api/documents/${id}?version=${version}`).then(setResult, (e: Error) => setError(e.message));
  }, [id, version]);
  useEffect(() => {
    offeredReports().then(setReports);
  }, [id, version]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!result || version === undefined || !versions) return <Spin tip="加载中…" style={{ display: 'block', marginTop: 80 }} />;
  const d = result.document;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };

  const downloads = [
    ...REPORTS.filter((r) => reports.includes(r.format)).map((r) => ({
      key: r.format,
      label: <a href={`/api/documents/${id}/report?format=${r.format}&version=${version}`}>{r.label}</a>,
    })),
    { key: 'json', label: <a href={`/api/documents/${id}?version=${version}`} download={`document-${id}-v${version}.json`}>检查结果（JSON）</a> },
    { key: 'reviews', label: <a href={`/api/reviews/export?format=csv&documentId=${id}`}>审核结论（CSV）</a> },
    { key: 'original', label: <a href={`/api/documents/${id}/original?version=${version}`}>原件</a> },
  ];

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{d.entity.name ?? d.source.path}</span>
          {d.year && <Tag>{d.year} 年</Tag>}
          <Tag>{KIND_NAMES[d.kind] ?? d.kind}</Tag>
        </Space>
      }
      extra={
        <Space wrap>
          {versions.length > 1 && (
            <Dropdown
              menu={{
                items: versions.map((v) => ({ key: String(v.version), label: `第 ${v.version} 版 · ${v.fileName}${v.current ? '（最新）' : ''}` })),
                onClick: ({ key }) => set('version', key),
              }}
            >
              <Button size="small">第 {version} 版</Button>
            </Dropdown>
          )}
          <Dropdown menu={{ items: downloads }}>
            <Button size="small" type="primary">
              导出
            </Button>
          </Dropdown>
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(t) => set('tab', t === 'findings' ? undefined : t)}
        items={[
          { key: 'findings', label: `检查发现（${result.findings.length}）`, children: <FindingsWorkspace docId={id} version={version} format={d.source.format} findings={result.findings} /> },
          { key: 'tables', label: `表格（${d.tables.length}）`, children: <TablesTab doc={d} findings={result.findings} /> },
          { key: 'narrative', label: '说明与表格数字', children: <NarrativeTab doc={d} findings={result.findings} /> },
          { key: 'projects', label: `项目与指标（${d.projects.length}）`, children: <ProjectsTab doc={d} /> },
          ...(d.selfEvaluation ? [{ key: 'scorecard', label: '自评评分', children: <ScorecardTab doc={d} findings={result.findings} /> }] : []),
        ]}
      />
    </Card>
  );
}
