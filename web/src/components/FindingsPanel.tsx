/** The findings of one document: filters, grouping, folded repeats; a click selects a place. */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Checkbox, Collapse, Empty, Segmented, Select, Space, Tag, Typography } from 'antd';
import { rules, SEVERITY_COLORS, SEVERITY_NAMES, type Finding, type RuleInfo, type Severity } from '../api';
import { categoryOf, counts, filterFindings, fold, group, placeOf } from '../findings';

const CATEGORY_FALLBACK: Record<string, string> = {
  arithmetic: '表内与段内运算',
  'cross-table': '表间勾稽',
  narrative: '说明文字与表格',
  classification: '科目编码与名称',
  completeness: '完整性',
  indicator: '绩效指标',
  'text-quality': '文本质量',
  privacy: '个人信息',
};

export interface Review {
  status: 'confirmed' | 'dismissed';
  reason: string;
}

export function useRules(): Map<string, RuleInfo> {
  const [map, setMap] = useState<Map<string, RuleInfo>>(new Map());
  useEffect(() => {
    rules().then(setMap, () => undefined);
  }, []);
  return map;
}

/**
 * Arrow keys move between the findings (Home and End to the first and last); Enter or Space, as
 * on any button, opens the one in focus. Tab still leaves the list.
 */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const target = e.target as HTMLElement;
  if (!target.matches('[data-testid=finding]')) return;
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-testid=finding]')];
  const at = all.indexOf(target);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : at + (e.key === 'ArrowDown' ? 1 : -1);
  if (next < 0 || next >= all.length) return;
  e.preventDefault();
  all[next].focus();
}

export function FindingsPanel({
  findings,
  selected,
  onSelect,
  reviews,
}: {
  findings: Finding[];
  selected: number | null;
  onSelect: (index: number) => void;
  /** Reviews by finding index, when the document is stored. */
  reviews?: Map<number, Review>;
}) {
  const catalog = useRules();
  const [severities, setSeverities] = useState<Severity[]>(['error', 'warning', 'info']);
  const [categories, setCategories] = useState<string[]>([]);
  const [by, setBy] = useState<'rule' | 'place'>('rule');

  const total = counts(findings);
  const categoryOptions = useMemo(
    () =>
      [...new Set(findings.map((f) => categoryOf(f.rule)))].map((c) => ({
        value: c,
        label: catalog.get(findings.find((f) => categoryOf(f.rule) === c)!.rule)?.categoryTitle ?? CATEGORY_FALLBACK[c] ?? c,
      })),
    [findings, catalog],
  );
  const shown = useMemo(() => filterFindings(findings, { severities, categories }), [findings, severities, categories]);
  const indexOf = useMemo(() => new Map(findings.map((f, i) => [f, i])), [findings]);
  const groups = useMemo(() => {
    const folded = fold(shown).map((g) => ({ ...g, places: g.places.map((p) => ({ ...p, index: indexOf.get(p.finding)! })) }));
    return group(folded, by);
  }, [shown, by, indexOf]);

  return (
    <div aria-label="检查发现" onKeyDown={moveFocus}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Checkbox.Group
          value={severities}
          onChange={(v) => setSeverities(v as Severity[])}
          options={(['error', 'warning', 'info'] as Severity[]).map((s) => ({
            value: s,
            label: (
              <span data-testid={`count-${s}`}>
                {SEVERITY_NAMES[s]} {total[s]}
              </span>
            ),
          }))}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder="按类别筛选"
          aria-label="按类别筛选"
          style={{ minWidth: 200 }}
          value={categories}
          onChange={setCategories}
          options={categoryOptions}
        />
        <Segmented
          aria-label="分组方式"
          value={by}
          onChange={(v) => setBy(v as 'rule' | 'place')}
          options={[
            { value: 'rule', label: '按规则' },
            { value: 'place', label: '按位置' },
          ]}
        />
      </Space>
      {groups.length === 0 ? (
        <Empty description={findings.length ? '没有符合筛选条件的发现' : '没有检查发现'} />
      ) : (
        <Collapse
          key={by}
          defaultActiveKey={groups.filter((g) => g.worst !== 'info').map((g) => g.key)}
          items={groups.map((g) => ({
            key: g.key,
            label: (
              <Space size={6} wrap>
                <Tag color={SEVERITY_COLORS[g.worst]}>{SEVERITY_NAMES[g.worst]}</Tag>
                <span>{by === 'rule' ? (catalog.get(g.key)?.title ?? g.key) : g.key}</span>
                {by === 'rule' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {g.key}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">{g.items.reduce((n, f) => n + f.places.length, 0)} 处</Typography.Text>
              </Space>
            ),
            children: g.items.map((f) => {
              const first = f.places[0].index;
              const isSel = f.places.some((p) => p.index === selected);
              const review = reviews?.get(first);
              return (
                <div key={f.key} style={{ marginBottom: 6 }}>
                  <button
                    type="button"
                    className={`gk-finding${isSel ? ' gk-selected' : ''}${review?.status === 'dismissed' ? ' gk-dismissed' : ''}`}
                    data-testid="finding"
                    data-severity={f.severity}
                    data-rule={f.rule}
                    aria-pressed={isSel}
                    onClick={() => onSelect(first)}
                  >
                    <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_NAMES[f.severity]}</Tag>
                    {review && (
                      <Tag color={review.status === 'dismissed' ? 'default' : 'green'} data-testid="review-tag">
                        {review.status === 'dismissed' ? '已排除' : '已确认'}
                      </Tag>
                    )}
                    {f.first.message}
                    {f.places.length > 1 && (
                      <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                        （同一问题共 {f.places.length} 处）
                      </Typography.Text>
                    )}
                  </button>
                  {f.places.length > 1 && (
                    <div className="gk-places" aria-label="出现位置">
                      {f.places.map((p) => (
                        <button
                          type="button"
                          key={p.index}
                          className={`gk-finding${p.index === selected ? ' gk-selected' : ''}`}
                          style={{ width: 'auto', padding: '0 6px', fontSize: 12 }}
                          onClick={() => onSelect(p.index)}
                        >
                          {p.finding.where ?? p.finding.location.where ?? placeOf(p.finding.location)}
                        </button>
                      ))}
                    </div>
                  )}
                </div>
              );
            }),
          }))}
        />
      )}
    </div>
  );
}
