/** Drop one or several files; each is uploaded, read and checked; then its findings. */
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { KIND_NAMES, SEVERITY_COLORS, SEVERITY_NAMES, uploadFile, type Severity, type UploadResult } from '../api';
import { counts } from '../findings';
import { FindingsWorkspace } from '../components/FindingsWorkspace';

interface Item {
  key: string;
  name: string;
  size: number;
  status: 'waiting' | 'uploading' | 'reading' | 'done' | 'failed';
  sent: number;
  started: number;
  result?: UploadResult;
  error?: string;
}

/** Two at a time: a folder of files goes through without flooding the server's workers. */
const PARALLEL = 2;

export function CheckPage() {
  const [items, setItems] = useState<Item[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const queue = useRef<{ key: string; file: File }[]>([]);
  const running = useRef(0);
  const seq = useRef(0);

  const patch = (key: string, p: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  function pump() {
    while (running.current < PARALLEL && queue.current.length) {
      const { key, file } = queue.current.shift()!;
      running.current++;
      patch(key, { status: 'uploading', started: performance.now() });
      uploadFile(file, (sent) => patch(key, sent >= 1 ? { sent, status: 'reading' } : { sent }))
        .then((result) => {
          patch(key, { status: 'done', sent: 1, result });
          setSelected((s) => s ?? key);
        })
        .catch((e: Error) => patch(key, { status: 'failed', error: e.message }))
        .finally(() => {
          running.current--;
          pump();
        });
    }
  }

  function add(file: File) {
    const key = `f${++seq.current}`;
    setItems((all) => [...all, { key, name: file.name, size: file.size, status: 'waiting', sent: 0, started: 0 }]);
    queue.current.push({ key, file });
    pump();
  }

  const current = items.find((i) => i.key === selected && i.result);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Upload.Dragger
          multiple
          showUploadList={false}
          accept=".pdf,.docx,.xlsx,.html,.htm,.txt"
          beforeUpload={(file) => {
            add(file as unknown as File);
            return false;
          }}
          aria-label="选择或拖入要检查的文件"
        >
          <p style={{ fontSize: 16, margin: '8px 0' }}>把部门预算、决算公开或绩效自评文件拖到这里，或点击选择文件</p>
          <p style={{ color: '#666', margin: 0 }}>支持 PDF、Word（.docx）、Excel（.xlsx）、HTML、文本；可一次选择多个文件</p>
        </Upload.Dragger>
      </Card>

      {items.length > 0 && (
        <Card size="small" title="文件">
          <List
            size="small"
            dataSource={items}
            renderItem={(i) => <FileRow item={i} active={i.key === selected} onSelect={() => setSelected(i.key)} />}
          />
        </Card>
      )}

      {current?.result && (
        <Card
          size="small"
          title={
            <Space wrap>
              <span>{current.result.document.entity.name ?? current.name}</span>
              {current.result.document.year && <Tag>{current.result.document.year} 年</Tag>}
              <Tag>{KIND_NAMES[current.result.document.kind] ?? current.result.document.kind}</Tag>
            </Space>
          }
          extra={<Link to={`/documents/${current.result.id}`}>查看文件详情与导出</Link>}
        >
          <FindingsWorkspace
            docId={current.result.id}
            version={current.result.version}
            format={current.result.document.source.format}
            findings={current.result.findings}
          />
        </Card>
      )}
    </Space>
  );
}

function FileRow({ item: i, active, onSelect }: { item: Item; active: boolean; onSelect: () => void }) {
  const c = i.result ? counts(i.result.findings) : null;
  return (
    <List.Item
      data-testid="upload-item"
      data-status={i.status}
      actions={
        i.result
          ? [
              <Button key="show" size="small" type={active ? 'primary' : 'default'} onClick={onSelect}>
                {active ? '正在查看' : '查看发现'}
              </Button>,
            ]
          : []
      }
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{i.name}</Typography.Text>
          <Typography.Text type="secondary">{(i.size / 1024).toFixed(0)} KB</Typography.Text>
          {c &&
            (['error', 'warning', 'info'] as Severity[]).map((s) => (
              <Tag key={s} color={c[s] ? SEVERITY_COLORS[s] : undefined}>
                {SEVERITY_NAMES[s]} {c[s]}
              </Tag>
            ))}
          {i.result?.duplicate && <Tag>此前已上传，显示已保存的结果</Tag>}
        </Space>
        {i.status === 'waiting' && <Typography.Text type="secondary">排队等候…</Typography.Text>}
        {i.status === 'uploading' && <Progress percent={Math.round(i.sent * 100)} size="small" status="active" format={(p) => `上传 ${p}%`} />}
        {i.status === 'reading' && <Progress percent={100} size="small" status="active" format={() => '正在读取、识别和检查…'} />}
        {i.status === 'failed' && <Alert type="error" showIcon title={`${i.name}：${i.error}`} />}
      </Space>
    </List.Item>
  );
}
