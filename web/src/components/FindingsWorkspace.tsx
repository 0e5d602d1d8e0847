/** Findings beside the selected one's detail and its place in the original. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import type { Finding } from '../api';
import { FindingDetail } from './FindingDetail';
import { FindingsPanel, useRules } from './FindingsPanel';
import { fetchVerdicts, VerdictForm, type Verdict } from './VerdictForm';
import { PlaceView } from './PlaceView';

export function FindingsWorkspace({
  docId,
  version,
  format,
  findings,
}: {
  docId: number;
  version: number;
  format: string;
  findings: Finding[];
}) {
  const catalog = useRules();
  const [selected, setSelected] = useState<number | null>(null);
  const [verdicts, setVerdicts] = useState<Verdict[]>([]);
  const [reloads, setReloads] = useState(0);
  useEffect(() => setSelected(null), [docId, version]);
  useEffect(() => {
    let live = true;
    fetchVerdicts(docId, version).then(
      (v) => live && setVerdicts(v),
      () => live && setVerdicts([]),
    );
    return () => {
      live = false;
    };
  }, [docId, version, reloads]);
  const reviews = useMemo(() => new Map(verdicts.map((v) => [v.index, v])), [verdicts]);
  const finding = selected === null ? null : findings[selected];
  // On a tablet the place is below the list: bring it into view when a finding is opened.
  const place = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected !== null && window.matchMedia('(max-width: 991px)').matches) place.current?.scrollIntoView({ block: 'start' });
  }, [selected]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <FindingsPanel key={`${docId}@${version}`} findings={findings} selected={selected} onSelect={setSelected} reviews={reviews} />
      </Col>
      <Col xs={24} lg={13}>
        <div className="gk-place" ref={place}>
          {finding ? (
            <Card size="small" title="发现详情与原文位置">
              <FindingDetail finding={finding} rule={catalog.get(finding.rule)} extra={
                  <VerdictForm
                    docId={docId}
                    version={version}
                    index={selected!}
                    finding={finding}
                    verdict={reviews.get(selected!)}
                    onChange={() => setReloads((n) => n + 1)}
                  />
                } />
              <PlaceView docId={docId} version={version} format={format} finding={finding} />
            </Card>
          ) : (
            <Card size="small">
              <Empty description="点击左侧的一条发现，查看数字、修改建议和它在原文中的位置" />
            </Card>
          )}
        </div>
      </Col>
    </Row>
  );
}
