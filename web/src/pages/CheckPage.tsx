/** Drop one or several files; each is uploaded, read and checked; then its findings. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { KIND_NAMES, SEVERITY_COLORS, SEVERITY_NAMES, type Severity } from '../api';
import { useUploads, type UploadItem } from '../hooks/useUploads';
import { counts } from '../findings';
import { FindingsWorkspace } from '../components/FindingsWorkspace';

export function CheckPage() {
  const [selected, setSelected] = useState<string | null>(null);
  const { items, add } = useUploads((item) => setSelected((s) => s ?? item.key));

  const current = items.find((i) => i.key === selected && i.result);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Upload.Dragger
          multiple
          showUploadList={false}
          accept=".pdf,.docx,.xlsx,.html,.htm,.txt"
          beforeUpload={(file) => {
            add([file as unknown as File]);
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

export function FileRow({ item: i, active, onSelect }: { item: UploadItem; active?: boolean; onSelect?: () => void }) {
  const c = i.result ? counts(i.result.findings) : null;
  return (
    <List.Item
      data-testid="upload-item"
      data-status={i.status}
      actions={
        i.result && onSelect
          ? [
              <Button key="show" size="small" type={active ? 'primary' : 'default'} onClick={onSelect}>
                {active ? '正在查看' : '查看发现'}
              </Button>,
            ]
          : i.result
            ? [
                <Link key="open" to={`/documents/${i.result.id}`}>
                  查看
                </Link>,
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
