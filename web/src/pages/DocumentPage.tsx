/** One stored document: its findings with their places (more tabs follow). */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Card, Space, Spin, Tag } from 'antd';
import { getJson, KIND_NAMES, type CheckResult } from '../api';
import { FindingsWorkspace } from '../components/FindingsWorkspace';

export default function DocumentPage() {
  const id = Number(useParams().id);
  const [data, setData] = useState<{ result: CheckResult; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setData(null);
    Promise.all([getJson<CheckResult>(`/api/documents/${id}`), getJson<{ version: number }[]>(`/api/documents/${id}/versions`)]).then(
      ([result, versions]) => setData({ result, version: Math.max(...versions.map((v) => v.version)) }),
      (e: Error) => setError(e.message),
    );
  }, [id]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Spin tip="加载中…" style={{ display: 'block', marginTop: 80 }} />;
  const d = data.result.document;
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{d.entity.name ?? d.source.path}</span>
          {d.year && <Tag>{d.year} 年</Tag>}
          <Tag>{KIND_NAMES[d.kind] ?? d.kind}</Tag>
          <Tag>第 {data.version} 版</Tag>
        </Space>
      }
    >
      <FindingsWorkspace docId={id} version={data.version} format={d.source.format} findings={data.result.findings} />
    </Card>
  );
}
