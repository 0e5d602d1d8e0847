/** One finding: what was found, the figures, expected and difference, what to change, the rule. */
import type { ReactNode } from 'react';
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { SEVERITY_COLORS, SEVERITY_NAMES, type Finding, type RuleInfo } from '../api';
import { advice, amount } from '../findings';

export function FindingDetail({ finding, rule, extra }: { finding: Finding; rule?: RuleInfo; extra?: ReactNode }) {
  const items = [
    ...Object.entries(finding.figures ?? {}).map(([name, v]) => ({ key: `f-${name}`, label: name, children: <span className="gk-num">{amount(v)}</span> })),
    ...(finding.expected !== undefined ? [{ key: 'expected', label: '应为', children: <b className="gk-num">{amount(finding.expected)}</b> }] : []),
    ...(finding.actual !== undefined ? [{ key: 'actual', label: '文件中为', children: <span className="gk-num">{amount(finding.actual)}</span> }] : []),
    ...(finding.difference !== undefined
      ? [{ key: 'difference', label: '相差', children: <b className="gk-num" style={{ color: '#b91c1c' }}>{amount(finding.difference)}</b> }]
      : []),
  ];
  return (
    <div data-testid="finding-detail">
      <Space wrap size={4} style={{ marginBottom: 8 }}>
        <Tag color={SEVERITY_COLORS[finding.severity]}>{SEVERITY_NAMES[finding.severity]}</Tag>
        <Typography.Text strong>{rule?.title ?? finding.rule}</Typography.Text>
        <Typography.Text type="secondary" copyable={{ text: finding.rule, tooltips: ['复制规则编号', '已复制'] }}>
          {finding.rule}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{finding.message}</Typography.Paragraph>
      {(finding.where ?? finding.location.where) && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          位置：{finding.where ?? finding.location.where}
          {finding.location.page ? `（第 ${finding.location.page} 页）` : ''}
        </Typography.Paragraph>
      )}
      {items.length > 0 && <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} items={items} style={{ marginBottom: 8 }} />}
      <Alert type="info" showIcon title="修改建议" description={advice(finding)} style={{ marginBottom: 8 }} />
      {rule && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          依据：{rule.basis}
        </Typography.Paragraph>
      )}
      {extra}
    </div>
  );
}
