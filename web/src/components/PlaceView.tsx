/**
 * The place of a finding in the original: the PDF page drawn by pdf.js with the boxes framed
 * (pdf.js is loaded here, on first use), or the document as read (its neutral tree) with the
 * cell or sentence highlighted.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Spin } from 'antd';
import { getJson, type Finding, type Loc, type Tree, type TreeBlock } from '../api';
import { TreeView } from './TreeView';

const PdfPage = lazy(() => import('./PdfPage'));

const trees = new Map<string, Promise<Tree>>();
export function fetchTree(id: number, version: number): Promise<Tree> {
  const key = `${id}@${version}`;
  let t = trees.get(key);
  if (!t) {
    t = getJson<Tree>(`/api/documents/${id}/tree?version=${version}`);
    trees.set(key, t);
    t.catch(() => trees.delete(key));
  }
  return t;
}

/** The box and page of the node a location points at, from the tree. */
export function nodeOf(tree: Tree, loc: Loc): { box?: Loc['box']; page?: number } | null {
  const block: TreeBlock | undefined =
    loc.block !== undefined
      ? tree.blocks[loc.block]
      : loc.table !== undefined
        ? tree.blocks.filter((b) => b.type === 'table')[loc.table]
        : undefined;
  if (!block) return null;
  if (block.type === 'table' && loc.row !== undefined) {
    const cell = block.rows[loc.row]?.[loc.col ?? 0];
    if (cell) return { box: cell.loc.box, page: cell.loc.page };
  }
  return { box: block.loc.box, page: block.loc.page };
}

export function PlaceView({ docId, version, format, finding }: { docId: number; version: number; format: string; finding: Finding }) {
  const loc = finding.location;
  const needsTree = format !== 'pdf' || !loc.box;
  const [tree, setTree] = useState<Tree | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (!needsTree) return;
    let live = true;
    fetchTree(docId, version).then(
      (t) => live && setTree(t),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [docId, version, needsTree]);

  const located = loc.block !== undefined || loc.table !== undefined || loc.page !== undefined || loc.box !== undefined;
  if (!located) return <Alert type="info" showIcon title="这条发现涉及整份文件，没有具体的页面位置。" />;
  if (error) return <Alert type="warning" showIcon title={`无法显示原文位置：${error}`} />;

  if (format === 'pdf') {
    if (needsTree && !tree) return <Spin tip="正在定位…" style={{ display: 'block', margin: 40 }} />;
    const node = tree ? nodeOf(tree, loc) : null;
    const page = loc.page ?? node?.page;
    if (!page) return <Alert type="info" showIcon title="这条发现没有记录页码。" />;
    const boxes = loc.box ? [loc.box] : node?.box ? [node.box] : [];
    return (
      <Suspense fallback={<Spin tip="正在加载 PDF 显示组件…" style={{ display: 'block', margin: 40 }} />}>
        <PdfPage url={`/api/documents/${docId}/original?version=${version}`} page={page} boxes={boxes} sentence={loc.box ? undefined : loc.sentence} />
      </Suspense>
    );
  }
  if (!tree) return <Spin tip="正在读取原文…" style={{ display: 'block', margin: 40 }} />;
  return <TreeView tree={tree} loc={loc} />;
}
