/**
 * The recognised parts of a document as the API gives them: standard tables (cells named by a
 * finding marked), the 说明's figures beside the tables', projects with their indicators, and the
 * self-evaluation scorecard with the figures the checks recomputed.
 */
import { Collapse, Descriptions, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { Disclosure, Figure, Finding, Loc } from '../api';
import { SEVERITY_COLORS, SEVERITY_NAMES } from '../api';
import { amount } from '../findings';

type Row = { code: string | null; name: string; role?: string; values?: Record<string, Figure | null>; texts?: Record<string, string>; loc: Loc };
type Column = { key: string; label: string; col?: number };
type StdTable = { kind: string; title: string; unit?: { raw: string } | null; columns: Column[]; rows: Row[]; loc: Loc; reading?: { status: string; checks?: number; failed?: number; reason?: string | null } | null };

const READING: Record<string, { text: string; color: string }> = {
  verified: { text: '已核对', color: 'green' },
  unchecked: { text: '未核对', color: 'default' },
  uncertain: { text: '读取存疑', color: 'orange' },
  failed: { text: '读取失败', color: 'red' },
};

/** Findings by the cell they name ("table:row:col") and by row ("table:row"). */
function findingsByCell(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  const add = (k: string, f: Finding) => m.set(k, [...(m.get(k) ?? []), f]);
  for (const f of findings) {
    const l = f.location;
    if (l.table === undefined || l.row === undefined || f.severity === 'info') continue;
    add(l.col === undefined ? `${l.table}:${l.row}` : `${l.table}:${l.row}:${l.col}`, f);
  }
  return m;
}

function Marked({ figure, hits }: { figure: Figure | null | undefined; hits?: Finding[] }) {
  const text = figure ? figure.raw : '';
  if (!hits?.length) return <span className="gk-num">{text}</span>;
  const worst = hits.some((h) => h.severity === 'error') ? 'error' : 'warning';
  return (
    <Tooltip title={hits.map((h) => h.message).join('\n')}>
      <span className="gk-num" data-testid="cell-flag" style={{ outline: `2px solid ${worst === 'error' ? '#e11d48' : '#f59e0b'}`, padding: '0 3px', cursor: 'help' }} tabIndex={0}>
        {text}
      </span>
    </Tooltip>
  );
}

export function TablesTab({ doc, findings }: { doc: Disclosure; findings: Finding[] }) {
  const tables = doc.tables as unknown as StdTable[];
  if (!tables.length) return <Empty description="没有识别出标准表格" />;
  const byCell = findingsByCell(findings);
  return (
    <Collapse
      items={tables.map((t, i) => {
        const valueCols = t.columns.filter((c) => c.key !== 'name' && c.key !== 'code');
        const flagged = t.rows.filter((r) => t.loc.table !== undefined && [...byCell.keys()].some((k) => k === `${t.loc.table}:${r.loc.row}` || k.startsWith(`${t.loc.table}:${r.loc.row}:`))).length;
        const reading = READING[t.reading?.status ?? ''] ?? null;
        return {
          key: String(i),
          label: (
            <span>
              {t.title} {reading && <Tag color={reading.color}>{reading.text}</Tag>}
              {flagged > 0 && <Tag color="red">{flagged} 行有问题</Tag>}
              <Typography.Text type="secondary">{t.rows.length} 行{t.unit?.raw ? ` · ${t.unit.raw}` : ''}</Typography.Text>
            </span>
          ),
          children: (
            <Table<Row>
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowKey={(r) => String(r.loc.row)}
              dataSource={t.rows}
              rowClassName={(r) => (byCell.has(`${t.loc.table}:${r.loc.row}`) ? 'gk-fail' : '')}
              columns={[
                { title: '编码', dataIndex: 'code', width: 90 },
                {
                  title: '名称',
                  dataIndex: 'name',
                  render: (n: string, r) => (r.role === 'total' || r.role === 'subtotal' ? <b>{n}</b> : n),
                },
                ...valueCols.map((c) => ({
                  title: c.label,
                  key: c.key,
                  align: 'right' as const,
                  render: (_: unknown, r: Row) =>
                    r.values?.[c.key] !== undefined ? (
                      <Marked figure={r.values[c.key]} hits={byCell.get(`${t.loc.table}:${r.loc.row}:${r.values[c.key]?.loc.col ?? c.col}`)} />
                    ) : (
                      (r.texts?.[c.key] ?? '')
                    ),
                })),
              ]}
            />
          ),
        };
      })}
    />
  );
}

const CLAIM_TO_SUMMARY: Record<string, string> = {
  'revenue.total': 'revenueTotal',
  'expenditure.total': 'expenditureTotal',
  'expenditure.basic': 'basicExpenditure',
  'expenditure.personnel': 'personnelExpenditure',
  'expenditure.public': 'publicExpenditure',
  'expenditure.project': 'projectExpenditure',
  'operatingCosts.total': 'operatingCosts',
  'procurement.total': 'procurementTotal',
  'assets.total': 'assetsTotal',
};
const SUBJECT_NAMES: Record<string, string> = {
  'revenue.total': '收入合计',
  'revenue.source': '收入来源',
  'expenditure.total': '支出合计',
  'expenditure.basic': '基本支出',
  'expenditure.personnel': '人员经费',
  'expenditure.public': '公用经费',
  'expenditure.project': '项目支出',
  'expenditure.projectItem': '项目',
  'expenditure.other': '其他支出',
  'change.total': '收支增减',
  'change.basic': '基本支出增减',
  'change.project': '项目支出增减',
  'change.other': '其他增减',
  'operatingCosts.total': '机关运行经费',
  'operatingCosts.item': '机关运行经费明细',
  'threePublic.total': '“三公”经费合计',
  'threePublic.abroad': '因公出国（境）费',
  'threePublic.vehicle': '公务用车购置及运行费',
  'threePublic.vehiclePurchase': '公务用车购置费',
  'threePublic.vehicleOperation': '公务用车运行维护费',
  'threePublic.reception': '公务接待费',
  'threePublic.change': '“三公”经费增减',
  'procurement.total': '政府采购',
  'assets.total': '资产总额',
  'assets.planned': '拟购置资产',
};

interface ClaimJson {
  subject: string;
  name?: string | null;
  value: number | null;
  raw: string;
  loc: Loc;
}

export function NarrativeTab({ doc, findings }: { doc: Disclosure; findings: Finding[] }) {
  const claims = doc.claims as unknown as ClaimJson[];
  const summary = (doc.summary ?? {}) as Record<string, unknown>;
  const tableValue = (c: ClaimJson): number | null => {
    const key = CLAIM_TO_SUMMARY[c.subject];
    if (key) return (summary[key] as number | null) ?? null;
    if (c.subject.startsWith('threePublic.') && summary.threePublic) return ((summary.threePublic as Record<string, number | null>)[c.subject.slice(12)] ?? null) as number | null;
    return null;
  };
  const sentenceFindings = new Set(findings.filter((f) => f.location.sentence && f.severity !== 'info').map((f) => f.location.sentence));
  if (!claims.length) return <Empty description="说明中没有识别出数字" />;
  return (
    <Table<ClaimJson>
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={claims}
      scroll={{ x: 700 }}
      columns={[
        { title: '说明中的数字', key: 'subject', render: (_: unknown, c) => `${SUBJECT_NAMES[c.subject] ?? c.subject}${c.name ? `：${c.name}` : ''}` },
        { title: '说明所写（万元）', dataIndex: 'value', align: 'right', render: (v: number | null) => amount(v) },
        {
          title: '表格中（万元）',
          key: 'table',
          align: 'right',
          render: (_: unknown, c) => {
            const t = tableValue(c);
            if (t === null) return '—';
            const differs = c.value !== null && Math.round(t * 1e4) !== Math.round(c.value * 1e4);
            return <span style={differs ? { color: '#b91c1c', fontWeight: 600 } : undefined}>{amount(t)}</span>;
          },
        },
        {
          title: '原句',
          key: 'sentence',
          render: (_: unknown, c) => (
            <Typography.Text type={sentenceFindings.has(c.loc.sentence) ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {c.loc.sentence ?? c.raw}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

interface IndicatorJson {
  level1: string | null;
  level2: string | null;
  level3: string;
  target: { raw: string; operator: string | null; value: number | null; unit: string | null; parsed: boolean; problems: string[] } | null;
  actual?: { raw: string } | null;
  weight?: number | null;
  score?: number | null;
}
interface ProjectJson {
  name: string;
  budget?: Figure | null;
  purpose?: string | null;
  indicators: IndicatorJson[];
}

function IndicatorTable({ indicators, scored }: { indicators: IndicatorJson[]; scored?: boolean }) {
  return (
    <Table<IndicatorJson>
      size="small"
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={indicators}
      scroll={{ x: 700 }}
      columns={[
        { title: '一级指标', dataIndex: 'level1' },
        { title: '二级指标', dataIndex: 'level2' },
        { title: '三级指标', dataIndex: 'level3' },
        {
          title: '指标值',
          key: 'target',
          render: (_: unknown, i) =>
            i.target ? (
              <span>
                {i.target.raw}{' '}
                {i.target.parsed ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    （{[i.target.operator, i.target.value, i.target.unit].filter((x) => x !== null && x !== undefined).join(' ')}）
                  </Typography.Text>
                ) : (
                  <Tag color="orange">未能解析</Tag>
                )}
                {i.target.problems.map((p) => (
                  <Tag key={p} color="orange">
                    {p}
                  </Tag>
                ))}
              </span>
            ) : (
              '—'
            ),
        },
        ...(scored
          ? [
              { title: '实际完成值', key: 'actual', render: (_: unknown, i: IndicatorJson) => i.actual?.raw ?? '—' },
              { title: '分值', dataIndex: 'weight', align: 'right' as const },
              { title: '得分', dataIndex: 'score', align: 'right' as const },
            ]
          : []),
      ]}
    />
  );
}

export function ProjectsTab({ doc }: { doc: Disclosure }) {
  const projects = doc.projects as unknown as ProjectJson[];
  if (!projects.length) return <Empty description="没有识别出项目绩效目标" />;
  return (
    <Collapse
      items={projects.map((p, i) => ({
        key: String(i),
        label: (
          <span>
            {p.name} <Typography.Text type="secondary">{p.budget ? `${amount(p.budget.value)} 万元 · ` : ''}{p.indicators.length} 项指标</Typography.Text>
          </span>
        ),
        children: <IndicatorTable indicators={p.indicators} />,
      }))}
    />
  );
}

interface SelfEvalJson {
  totalScore: Figure | null;
  grade: string | null;
  projects: (ProjectJson & { totalScore: Figure | null; executed: Figure | null; executionRate: Figure | null; executionScore: Figure | null; weights: Record<string, number> })[];
}

/** Scoring findings are the recomputation: stated against expected, per project. */
export function ScorecardTab({ doc, findings }: { doc: Disclosure; findings: Finding[] }) {
  const se = doc.selfEvaluation as unknown as SelfEvalJson | null;
  if (!se) return <Empty description="这份文件不是绩效自评，或没有识别出自评表" />;
  const scoring = findings.filter((f) => /self-eval|score/.test(f.rule));
  return (
    <div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'score', label: '自评总分（所写）', children: se.totalScore?.raw ?? '—' },
          { key: 'grade', label: '评价等级', children: se.grade ?? '—' },
          { key: 'projects', label: '项目数', children: se.projects.length },
        ]}
      />
      <Collapse
        items={se.projects.map((p, i) => {
          const mine = scoring.filter((f) => f.message.includes(`“${p.name}”`));
          return {
            key: String(i),
            label: (
              <span>
                {p.name} <Typography.Text type="secondary">总分 {p.totalScore?.raw ?? '—'}</Typography.Text>{' '}
                {mine.length > 0 && <Tag color={SEVERITY_COLORS[mine[0].severity]}>{mine.length} 处与重算不符</Tag>}
              </span>
            ),
            children: (
              <div>
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 3 }}
                  items={[
                    { key: 'exec', label: '执行数', children: p.executed?.raw ?? '—' },
                    { key: 'rate', label: '执行率（所写）', children: p.executionRate?.raw ?? '—' },
                    { key: 'escore', label: '执行率得分（所写）', children: p.executionScore?.raw ?? '—' },
                  ]}
                />
                {mine.map((f, k) => (
                  <Typography.Paragraph key={k} style={{ margin: '4px 0' }}>
                    <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_NAMES[f.severity]}</Tag>
                    所写 {amount(f.actual)}，重算应为 <b>{amount(f.expected)}</b>：{f.message}
                  </Typography.Paragraph>
                ))}
                <IndicatorTable indicators={p.indicators} scored />
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
