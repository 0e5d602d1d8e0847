/**
 * Compare: one entity across years (headline amounts side by side, change and percentage, a
 * chart), several entities in one year (basic vs project, 三公, functional classes), and search
 * across every stored document with the hits highlighted.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Card, Empty, Input, List, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { getJson, KIND_NAMES } from '../api';
import { amount } from '../findings';
import { Chart } from '../components/Chart';

interface Entity {
  id: number;
  name: string;
  region: string | null;
  documents: number;
}
interface TimelineRow {
  documentId: number;
  year: number | null;
  kind: string;
  amounts: Record<string, number | null>;
}
interface BasicProject {
  entityId: number | null;
  entity: string | null;
  year: number | null;
  kind: string;
  expenditureTotal: number | null;
  basic: number | null;
  project: number | null;
}
interface ClassRow {
  code: string;
  name: string;
  amount: number | null;
}
interface SearchAnswer {
  total: number;
  totalExact: boolean;
  items: { id: number; entity: string | null; year: number | null; kind: string; title: string | null; matches: { field: string; snippet: string }[] }[];
}

const AMOUNT_NAMES: Record<string, string> = {
  revenueTotal: '收入合计',
  expenditureTotal: '支出合计',
  basicExpenditure: '基本支出',
  personnelExpenditure: '人员经费',
  publicExpenditure: '公用经费',
  projectExpenditure: '项目支出',
  operatingCosts: '机关运行经费',
  threePublicTotal: '“三公”经费合计',
  threePublicAbroad: '因公出国（境）费',
  threePublicVehicle: '公务用车购置及运行费',
  threePublicVehiclePurchase: '公务用车购置费',
  threePublicVehicleOperation: '公务用车运行维护费',
  threePublicReception: '公务接待费',
  procurementTotal: '政府采购',
  assetsTotal: '资产总额',
};
const CHART_AMOUNTS = ['revenueTotal', 'expenditureTotal', 'basicExpenditure', 'projectExpenditure'];
const FIELD_NAMES: Record<string, string> = { entity: '单位', title: '标题', project: '项目', paragraph: '正文' };

function useEntities(q: string): Entity[] {
  const [list, setList] = useState<Entity[]>([]);
  useEffect(() => {
    const t = setTimeout(() => {
      getJson<{ items: Entity[] }>(`/api/entities?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`).then((r) => setList(r.items), () => setList([]));
    }, 200);
    return () => clearTimeout(t);
  }, [q]);
  return list;
}

function percent(now: number | null, before: number | null): string {
  if (now === null || before === null || before === 0) return '—';
  return `${(((now - before) / Math.abs(before)) * 100).toFixed(2)}%`;
}

function EntityYears({ entityId, setEntityId }: { entityId?: number; setEntityId: (id?: number) => void }) {
  const [q, setQ] = useState('');
  const entities = useEntities(q);
  const [kind, setKind] = useState('budget');
  const [rows, setRows] = useState<TimelineRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    if (!entityId) return;
    getJson<{ items: TimelineRow[] }>(`/api/entities/${entityId}/timeline`).then(
      (r) => (setRows(r.items), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, [entityId]);
  const years = useMemo(() => (rows ?? []).filter((r) => r.kind === kind && r.year !== null).sort((a, b) => a.year! - b.year!), [rows, kind]);
  const keys = Object.keys(AMOUNT_NAMES).filter((k) => years.some((y) => y.amounts[k] !== null && y.amounts[k] !== undefined));
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years.map((y) => `${y.year} 年`) },
      yAxis: { type: 'value', name: '万元' },
      series: CHART_AMOUNTS.filter((k) => keys.includes(k)).map((k) => ({ name: AMOUNT_NAMES[k], type: 'bar', data: years.map((y) => y.amounts[k]) })),
    }),
    [years, keys.join()],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="单位"
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder="输入单位名称查找"
          style={{ width: 360 }}
          value={entityId}
          onChange={(v) => setEntityId(v)}
          options={entities.map((e) => ({ value: e.id, label: `${e.name}（${e.documents} 份）` }))}
        />
        <Select aria-label="文件类型" style={{ width: 140 }} value={kind} onChange={setKind} options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {!entityId ? (
        <Empty description="选择一个单位，查看它历年的主要金额" />
      ) : years.length === 0 ? (
        <Empty description="这个单位没有这一类型的文件" />
      ) : (
        <>
          <Chart option={option} label="历年主要金额柱状图" />
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            scroll={{ x: 600 }}
            dataSource={keys.map((k) => ({ key: k }))}
            columns={[
              { title: '项目（万元）', dataIndex: 'key', render: (k: string) => AMOUNT_NAMES[k], fixed: 'left' as const },
              ...years.flatMap((y, i) => {
                const cols: { title: ReactNode; key: string; align: 'right'; render: (_: unknown, r: { key: string }) => ReactNode }[] = [
                  {
                    title: <Link to={`/documents/${y.documentId}`}>{y.year} 年</Link>,
                    key: `y${y.year}`,
                    align: 'right' as const,
                    render: (_: unknown, r: { key: string }) => amount(y.amounts[r.key]),
                  },
                ];
                if (i > 0) {
                  const prev = years[i - 1];
                  cols.push({
                    title: <span>增减 / 幅度</span>,
                    key: `c${y.year}`,
                    align: 'right' as const,
                    render: (_: unknown, r: { key: string }) => {
                      const now = y.amounts[r.key] ?? null;
                      const before = prev.amounts[r.key] ?? null;
                      if (now === null || before === null) return '—';
                      // In units of 0.0001 万元 (integers), so the difference is exact.
                      const diff = (Math.round(now * 1e4) - Math.round(before * 1e4)) / 1e4;
                      return (
                        <span style={{ color: diff > 0 ? '#b91c1c' : diff < 0 ? '#15803d' : undefined }}>
                          {diff > 0 ? '+' : ''}
                          {amount(diff)} / {percent(now, before)}
                        </span>
                      );
                    },
                  });
                }
                return cols;
              }),
            ]}
          />
        </>
      )}
    </Space>
  );
}

function EntitiesInYear({ year, setYear }: { year?: number; setYear: (y?: number) => void }) {
  const [kind, setKind] = useState('budget');
  const [rows, setRows] = useState<BasicProject[]>([]);
  const [classes, setClasses] = useState<ClassRow[]>([]);
  const [years, setYears] = useState<number[]>([]);
  useEffect(() => {
    getJson<{ years: { year: number }[] }>('/api/review/facets').then((f) => setYears(f.years.map((y) => y.year)), () => undefined);
  }, []);
  useEffect(() => {
    if (!year) return;
    getJson<BasicProject[]>(`/api/aggregates/basic-project?year=${year}&kind=${kind}`).then(setRows, () => setRows([]));
    getJson<ClassRow[]>(`/api/aggregates/classes?year=${year}&kind=${kind}&classification=functional`).then(setClasses, () => setClasses([]));
  }, [year, kind]);
  const shown = rows.filter((r) => r.basic !== null || r.project !== null).slice(0, 30);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: shown.map((r) => r.entity ?? '（未识别单位）'), axisLabel: { rotate: 30, interval: 0, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value', name: '万元' },
      series: [
        { name: '基本支出', type: 'bar', stack: 'x', data: shown.map((r) => r.basic) },
        { name: '项目支出', type: 'bar', stack: 'x', data: shown.map((r) => r.project) },
      ],
    }),
    [shown],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="年度"
          placeholder="年度"
          style={{ width: 120 }}
          value={year}
          onChange={(v) => setYear(v)}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <Select aria-label="文件类型" style={{ width: 140 }} value={kind} onChange={setKind} options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
      </Space>
      {!year ? (
        <Empty description="选择年度，比较各单位的基本支出与项目支出" />
      ) : shown.length === 0 ? (
        <Empty description="这一年没有可比较的文件" />
      ) : (
        <>
          <Chart option={option} height={380} label="各单位基本支出与项目支出堆叠柱状图" />
          <Typography.Title level={5}>按功能分类（类）汇总</Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={classes}
            columns={[
              { title: '科目编码', dataIndex: 'code' },
              { title: '科目名称', dataIndex: 'name' },
              { title: '金额（万元）', dataIndex: 'amount', align: 'right', render: (v: number | null) => amount(v) },
            ]}
          />
        </>
      )}
    </Space>
  );
}

/** The snippet with every query term marked. */
export function highlight(text: string, q: string): ReactNode[] {
  const terms = q.split(/\s+/).filter(Boolean).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!terms.length) return [text];
  const parts = text.split(new RegExp(`(${terms.join('|')})`, 'gi'));
  return parts.map((p, i) => (i % 2 ? <mark key={i} className="gk-hit" data-testid="search-hit">{p}</mark> : p));
}

function Search({ q, setQ }: { q: string; setQ: (q: string) => void }) {
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!q.trim()) return setAnswer(null);
    setLoading(true);
    getJson<SearchAnswer>(`/api/search?q=${encodeURIComponent(q)}&limit=50`)
      .then((a) => (setAnswer(a), setError(null)), (e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  }, [q]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search aria-label="检索词" placeholder="检索单位、标题、项目名称和正文，如：公务接待" defaultValue={q} onSearch={setQ} enterButton="检索" allowClear loading={loading} style={{ maxWidth: 560 }} />
      {error && <Alert type="error" showIcon title={error} />}
      {answer && (
        <List
          header={`找到 ${answer.total}${answer.totalExact ? '' : '+'} 份文件`}
          dataSource={answer.items}
          renderItem={(d) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={`/documents/${d.id}`}>{highlight(d.entity ?? d.title ?? `文件 ${d.id}`, q)}</Link>
                  {d.year && <Tag>{d.year} 年</Tag>}
                  <Tag>{KIND_NAMES[d.kind] ?? d.kind}</Tag>
                </Space>
                {d.matches
                  .filter((m) => m.field !== 'entity')
                  .map((m, i) => (
                    <Typography.Text key={i} type="secondary">
                      <Tag>{FIELD_NAMES[m.field] ?? m.field}</Tag>
                      {highlight(m.snippet, q)}
                    </Typography.Text>
                  ))}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

export default function ComparePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'entity';
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) (v ? next.set(k, v) : next.delete(k));
    setParams(next);
  };
  const entity = params.get('entity') ? Number(params.get('entity')) : undefined;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(t) => update({ tab: t })}
        items={[
          { key: 'entity', label: '单位历年对比', children: <EntityYears entityId={entity} setEntityId={(id) => update({ entity: id ? String(id) : undefined })} /> },
          { key: 'year', label: '同年多单位对比', children: <EntitiesInYear year={year} setYear={(y) => update({ year: y ? String(y) : undefined })} /> },
          { key: 'search', label: '全文检索', children: <Search q={params.get('q') ?? ''} setQ={(q) => update({ q: q || undefined })} /> },
        ]}
      />
    </Card>
  );
}
