/**
 * 编制公开文件: a department's figures, entered here or imported (gongkai's input workbook, the
 * workbook a budget system exports, a dataset JSON, or a published disclosure), become the
 * disclosure in Word, Excel, PDF or HTML. Last year's published disclosure prefills the 上年
 * figures and the text. The dataset's own checks run while editing; the reasons for changes are
 * the person's to write, and generation is refused (except as a 草稿) until they are.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, InputNumber, List, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { SEVERITY_COLORS, SEVERITY_NAMES, type Finding } from '../api';
import { blankDataset, datasetFromFile, downloadGenerated, gateFindings, generateTemplates, type Dataset, type FormNames, type TemplateInfo } from '../generate';

type Path = (string | number)[];

/** An immutable update of one value deep in the dataset. */
function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (!path.length) return value as T;
  const [k, ...rest] = path;
  const copy = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string | number, unknown>;
  copy[k] = setIn((obj as Record<string | number, unknown> | undefined)?.[k] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  if (value === undefined && !rest.length) delete copy[k];
  return copy as T;
}

function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string | number, unknown>)[k]), obj);
}

/** Amounts as decimal strings (stringMode): never a binary float between the form and the server. */
function Amount({ data, path, onChange, label }: { data: Dataset; path: Path; onChange: (p: Path, v: unknown) => void; label: string }) {
  const v = getIn(data, path);
  return (
    <InputNumber<string>
      stringMode
      aria-label={label}
      data-field={path.join('.')}
      value={v === undefined || v === null ? null : String(v)}
      precision={2}
      style={{ width: 130 }}
      onChange={(x) => onChange(path, x === null || x === '' ? undefined : x)}
    />
  );
}

export default function GeneratePage() {
  const [data, setData] = useState<Dataset>(() => blankDataset('budget'));
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [names, setNames] = useState<FormNames>({ sources: [], reasons: [] });
  const [template, setTemplate] = useState<string | undefined>();
  const [draft, setDraft] = useState(false);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [json, setJson] = useState<string | null>(null);

  const change = (path: Path, value: unknown) => setData((d) => setIn(d, path, value));

  useEffect(() => {
    generateTemplates().then(
      (r) => (setTemplates(r.templates), setNames({ sources: r.sources, reasons: r.reasons })),
      () => setTemplates([]),
    );
  }, []);

  // The gate's findings, live: a short pause after the last edit, the latest answer wins.
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    const timer = setTimeout(() => {
      gateFindings(data).then(
        (r) => {
          if (n !== seq.current) return;
          setInvalid(r.error ?? null);
          setFindings(r.findings ?? null);
        },
        (e: Error) => n === seq.current && setInvalid(e.message),
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [data]);

  const kind = data.kind === 'final-accounts' ? 'final-accounts' : 'budget';
  const forKind = templates.filter((t) => t.kind === kind);
  const chosen = forKind.some((t) => t.id === template) ? template : forKind[0]?.id;
  const errors = (findings ?? []).filter((f) => f.severity === 'error');

  async function importFile(file: File, prior: boolean) {
    setImporting(true);
    setImportError(null);
    try {
      setData(await datasetFromFile(file, prior ? data : undefined));
      setResult(null);
    } catch (e) {
      setImportError(`${file.name}：${(e as Error).message}`);
    } finally {
      setImporting(false);
    }
  }

  async function download(format: string) {
    setBusy(format);
    setResult(null);
    try {
      const r = await downloadGenerated(data, { format, template: chosen, draft });
      if (r.findings) setFindings(r.findings);
      setResult({ ok: r.ok, text: r.message });
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }

  const expenditure = (data.expenditure ?? []) as Record<string, unknown>[];
  const economic = (data.basicEconomic ?? []) as Record<string, unknown>[];
  const rest = useMemo(() => {
    const { kind: _k, year: _y, entity: _e, expenditure: _x, basicEconomic: _b, prior: _p, operatingCosts: _o, threePublic: _t, reasons: _r, ...others } = data;
    return JSON.stringify(others, null, 2);
  }, [data]);

  const tabs = [
    {
      key: 'basic',
      label: '基本信息',
      children: (
        <Space wrap size={16}>
          <label>
            类型{' '}
            <Select
              aria-label="类型"
              value={kind}
              style={{ width: 140 }}
              onChange={(v) => change(['kind'], v)}
              options={[
                { value: 'budget', label: '部门预算' },
                { value: 'final-accounts', label: '部门决算' },
              ]}
            />
          </label>
          <label>
            年度 <InputNumber aria-label="年度" data-field="year" value={data.year as number} min={2000} max={2100} onChange={(v) => change(['year'], v ?? undefined)} />
          </label>
          <label>
            部门（单位）名称{' '}
            <Input aria-label="部门名称" data-field="entity.name" value={(getIn(data, ['entity', 'name']) as string) ?? ''} style={{ width: 280 }} onChange={(e) => change(['entity', 'name'], e.target.value)} />
          </label>
          <label>
            预算单位编码 <Input aria-label="预算单位编码" value={(getIn(data, ['entity', 'code']) as string) ?? ''} style={{ width: 120 }} onChange={(e) => change(['entity', 'code'], e.target.value || undefined)} />
          </label>
        </Space>
      ),
    },
    {
      key: 'expenditure',
      label: `支出明细（${expenditure.length}）`,
      children: (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={expenditure}
            columns={[
              {
                title: '功能分类科目编码（项）',
                render: (_, r, i) => <Input aria-label={`第${i + 1}行科目编码`} value={(r.code as string) ?? ''} style={{ width: 110 }} onChange={(e) => change(['expenditure', i, 'code'], e.target.value)} />,
              },
              {
                title: '资金来源',
                render: (_, r, i) => (
                  <Select value={(r.source as string) ?? 'generalBudget'} style={{ width: 190 }} onChange={(v) => change(['expenditure', i, 'source'], v)} options={names.sources.map((x) => ({ value: x.id, label: x.name }))} />
                ),
              },
              { title: '基本支出（万元）', render: (_, _r, i) => <Amount data={data} path={['expenditure', i, 'basic']} onChange={change} label={`第${i + 1}行基本支出`} /> },
              { title: '项目支出（万元）', render: (_, _r, i) => <Amount data={data} path={['expenditure', i, 'project']} onChange={change} label={`第${i + 1}行项目支出`} /> },
              ...(kind === 'final-accounts' ? [{ title: '年初预算数（万元）', render: (_: unknown, _r: unknown, i: number) => <Amount data={data} path={['expenditure', i, 'initialBudget']} onChange={change} label={`第${i + 1}行年初预算数`} /> }] : []),
              { title: '', render: (_, _r, i) => <Button size="small" onClick={() => change(['expenditure'], expenditure.filter((_x, k) => k !== i))}>删除</Button> },
            ]}
          />
          <Button style={{ marginTop: 8 }} onClick={() => change(['expenditure'], [...expenditure, { code: '', source: 'generalBudget' }])}>
            添加一行
          </Button>
        </>
      ),
    },
    {
      key: 'economic',
      label: `基本支出经济分类（${economic.length}）`,
      children: (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={economic}
            columns={[
              { title: '经济分类科目编码（款）', render: (_, r, i) => <Input aria-label={`经济分类第${i + 1}行编码`} value={(r.code as string) ?? ''} style={{ width: 110 }} onChange={(e) => change(['basicEconomic', i, 'code'], e.target.value)} /> },
              { title: '人员经费（万元）', render: (_, _r, i) => <Amount data={data} path={['basicEconomic', i, 'personnel']} onChange={change} label={`经济分类第${i + 1}行人员经费`} /> },
              { title: '公用经费（万元）', render: (_, _r, i) => <Amount data={data} path={['basicEconomic', i, 'public']} onChange={change} label={`经济分类第${i + 1}行公用经费`} /> },
              { title: '', render: (_, _r, i) => <Button size="small" onClick={() => change(['basicEconomic'], economic.filter((_x, k) => k !== i))}>删除</Button> },
            ]}
          />
          <Button style={{ marginTop: 8 }} onClick={() => change(['basicEconomic'], [...economic, { code: '' }])}>
            添加一行
          </Button>
        </>
      ),
    },
    {
      key: 'prior',
      label: '上年数、“三公”与机关运行经费',
      children: (
        <Space direction="vertical">
          <Space wrap>
            上年支出总计 <Amount data={data} path={['prior', 'expenditureTotal']} onChange={change} label="上年支出总计" />
            上年基本支出 <Amount data={data} path={['prior', 'basic']} onChange={change} label="上年基本支出" />
            上年项目支出 <Amount data={data} path={['prior', 'project']} onChange={change} label="上年项目支出" />
          </Space>
          <Space wrap>
            机关运行经费 <Amount data={data} path={['operatingCosts', 'current']} onChange={change} label="机关运行经费" />
            上年 <Amount data={data} path={['operatingCosts', 'prior']} onChange={change} label="上年机关运行经费" />
          </Space>
          {/* 决算: the 三公 table prints each item's 年初预算 beside its 决算数. */}
          {(kind === 'final-accounts' ? (['current', 'prior', 'budget'] as const) : (['current', 'prior'] as const)).map((when) => (
            <Space wrap key={when}>
              <b>{{ current: kind === 'final-accounts' ? '本年“三公”决算' : '本年“三公”', prior: '上年“三公”', budget: '本年“三公”年初预算' }[when]}</b>
              因公出国（境） <Amount data={data} path={['threePublic', when, 'abroad']} onChange={change} label={`${when}因公出国`} />
              公务用车购置 <Amount data={data} path={['threePublic', when, 'vehiclePurchase']} onChange={change} label={`${when}公务用车购置`} />
              公务用车运行维护 <Amount data={data} path={['threePublic', when, 'vehicleOperation']} onChange={change} label={`${when}公务用车运行维护`} />
              公务接待 <Amount data={data} path={['threePublic', when, 'reception']} onChange={change} label={`${when}公务接待`} />
            </Space>
          ))}
        </Space>
      ),
    },
    {
      key: 'reasons',
      label: '增减原因',
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">增减变化的原因只能由人填写；有变化而未填写时不能正式生成（可生成草稿）。</Typography.Text>
          {names.reasons.filter((r) => r.kinds.includes(kind)).map(({ key, label }) => (
            <label key={key} style={{ display: 'block' }}>
              {label}
              <Input.TextArea
                aria-label={label}
                data-field={`reasons.${key}`}
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={(getIn(data, ['reasons', key]) as string) ?? ''}
                onChange={(e) => change(['reasons', key], e.target.value || undefined)}
              />
            </label>
          ))}
        </Space>
      ),
    },
    {
      key: 'rest',
      label: '其他部分（JSON）',
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">职责、机构、政府采购、资产、项目绩效目标、名词解释等，按数据格式（schema/budget-dataset.schema.json）编辑。</Typography.Text>
          <Input.TextArea
            aria-label="其他部分"
            autoSize={{ minRows: 8, maxRows: 24 }}
            style={{ fontFamily: 'monospace' }}
            value={json ?? rest}
            onChange={(e) => setJson(e.target.value)}
            onBlur={() => {
              if (json === null) return;
              try {
                const parsed = JSON.parse(json) as Record<string, unknown>;
                setData((d) => ({ kind: d.kind, year: d.year, entity: d.entity, expenditure: d.expenditure, basicEconomic: d.basicEconomic, prior: d.prior, operatingCosts: d.operatingCosts, threePublic: d.threePublic, reasons: d.reasons, ...parsed }));
                setJson(null);
              } catch (e) {
                setInvalid(`其他部分不是有效的 JSON：${(e as Error).message}`);
              }
            }}
          />
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="1. 导入数据">
        <Space wrap>
          <Upload
            showUploadList={false}
            accept=".xlsx,.json,.pdf,.docx,.html,.htm,.txt"
            beforeUpload={(file) => {
              void importFile(file as unknown as File, false);
              return false;
            }}
          >
            <Button loading={importing} data-testid="gen-import">导入本年数据（填报表、预算系统导出表、JSON 或已公开文件）</Button>
          </Upload>
          <Upload
            showUploadList={false}
            accept=".pdf,.docx,.xlsx,.html,.htm,.txt"
            beforeUpload={(file) => {
              void importFile(file as unknown as File, true);
              return false;
            }}
          >
            <Button loading={importing} data-testid="gen-import-prior">导入上年公开文件（带入上年数和文字）</Button>
          </Upload>
          <Button onClick={() => (setData(blankDataset(kind)), setResult(null))}>清空，重新填写</Button>
        </Space>
        {importError && <Alert style={{ marginTop: 8 }} type="error" showIcon title={importError} data-testid="gen-import-error" />}
      </Card>

      <Card size="small" title="2. 填写与核对">
        <Tabs items={tabs} />
      </Card>

      <Card
        size="small"
        title={
          <Space>
            数据检查
            {findings && (['error', 'warning'] as const).map((s) => <Tag key={s} color={SEVERITY_COLORS[s]} data-testid={`gen-count-${s}`}>{SEVERITY_NAMES[s]} {findings.filter((f) => f.severity === s).length}</Tag>)}
          </Space>
        }
      >
        {invalid ? (
          <Alert type="warning" showIcon title={invalid} data-testid="gen-invalid" />
        ) : findings && findings.length === 0 ? (
          <Typography.Text type="success" data-testid="gen-clean">数据自身勾稽相符，可以生成。</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={findings ?? []}
            renderItem={(f) => (
              <List.Item data-testid="gen-finding" data-rule={f.rule} data-severity={f.severity}>
                <Space>
                  <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_NAMES[f.severity]}</Tag>
                  <span>{f.message}</span>
                  {f.location?.where && <Typography.Text type="secondary">（{f.location.where}）</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title="3. 生成与下载">
        <Space wrap>
          <label>
            模板{' '}
            <Select aria-label="模板" value={chosen} style={{ width: 260 }} onChange={setTemplate} options={forKind.map((t) => ({ value: t.id, label: t.name }))} />
          </label>
          <Checkbox checked={draft} onChange={(e) => setDraft(e.target.checked)} data-testid="gen-draft">
            生成草稿（加“草稿”水印，未填写处标出）
          </Checkbox>
          {(['docx', 'xlsx', 'pdf', 'html'] as const).map((f) => (
            <Button key={f} type={f === 'docx' ? 'primary' : 'default'} loading={busy === f} disabled={!!busy || (!draft && errors.length > 0)} onClick={() => download(f)} data-testid={`gen-download-${f}`}>
              {{ docx: '下载 Word', xlsx: '下载 Excel', pdf: '下载 PDF', html: '下载网页（HTML）' }[f]}
            </Button>
          ))}
        </Space>
        {result && <Alert style={{ marginTop: 8 }} type={result.ok ? 'success' : 'error'} showIcon title={result.text} data-testid="gen-result" />}
      </Card>
    </Space>
  );
}
