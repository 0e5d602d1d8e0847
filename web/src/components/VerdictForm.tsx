/** Confirm or dismiss a finding with a reason; the verdict given before is shown to the next reviewer. */
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Radio, Space, Tag, Typography } from 'antd';
import { apiFetch, getJson, sendJson, type Finding } from '../api';

export interface Verdict {
  index: number;
  rule: string;
  message: string;
  status: 'confirmed' | 'dismissed';
  reason: string;
  reviewer: string | null;
  reviewedAt: string;
}

const REVIEWER_KEY = 'gongkai.reviewer';

export function verdictsUrl(docId: number, version: number, index?: number): string {
  return `/api/documents/${docId}/reviews${index === undefined ? '' : `/${index}`}?version=${version}`;
}

export function VerdictForm({
  docId,
  version,
  index,
  finding,
  verdict,
  onChange,
}: {
  docId: number;
  version: number;
  index: number;
  finding: Finding;
  verdict?: Verdict;
  onChange: () => void;
}) {
  const [status, setStatus] = useState<'confirmed' | 'dismissed'>(verdict?.status ?? 'dismissed');
  const [reason, setReason] = useState(verdict?.reason ?? '');
  const [reviewer, setReviewer] = useState(() => localStorage.getItem(REVIEWER_KEY) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setStatus(verdict?.status ?? 'dismissed');
    setReason(verdict?.reason ?? '');
    setError(null);
  }, [docId, version, index, verdict]);

  async function save() {
    if (!reason.trim()) return setError('请填写理由');
    setBusy(true);
    try {
      localStorage.setItem(REVIEWER_KEY, reviewer);
      await sendJson(verdictsUrl(docId, version, index), 'PUT', { status, reason, reviewer: reviewer.trim() || null, rule: finding.rule });
      setError(null);
      onChange();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setBusy(true);
    try {
      const res = await apiFetch(verdictsUrl(docId, version, index), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new Error(((await res.json()) as { error?: string }).error ?? '撤销失败');
      onChange();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ borderTop: '1px solid #eee', paddingTop: 8, marginBottom: 8 }} data-testid="verdict-form">
      <Typography.Text strong>审核结论</Typography.Text>
      {verdict && (
        <Alert
          style={{ margin: '6px 0' }}
          type={verdict.status === 'dismissed' ? 'warning' : 'success'}
          data-testid="verdict"
          title={
            <Space wrap>
              <Tag color={verdict.status === 'dismissed' ? 'default' : 'green'}>{verdict.status === 'dismissed' ? '已排除' : '已确认'}</Tag>
              <span>理由：{verdict.reason}</span>
              <Typography.Text type="secondary">
                {verdict.reviewer ? `${verdict.reviewer}，` : ''}
                {new Date(verdict.reviewedAt).toLocaleString('zh-CN', { hour12: false })}
              </Typography.Text>
            </Space>
          }
          action={
            <Button size="small" onClick={withdraw} disabled={busy}>
              撤销
            </Button>
          }
        />
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 6 }}>
        <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)} aria-label="审核结论">
          <Radio value="confirmed">确认（确有问题）</Radio>
          <Radio value="dismissed">排除（不是问题）</Radio>
        </Radio.Group>
        <Input.TextArea
          aria-label="理由"
          data-testid="verdict-reason"
          placeholder="理由（必填），如：表中单位为元，已核对无误"
          autoSize={{ minRows: 2, maxRows: 5 }}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
        />
        <Space wrap>
          <Input aria-label="审核人" placeholder="审核人（可选）" value={reviewer} onChange={(e) => setReviewer(e.target.value)} style={{ width: 180 }} maxLength={100} />
          <Button type="primary" onClick={save} loading={busy} data-testid="verdict-save">
            保存审核结论
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </div>
  );
}

export function fetchVerdicts(docId: number, version: number): Promise<Verdict[]> {
  return getJson<Verdict[]>(verdictsUrl(docId, version));
}
