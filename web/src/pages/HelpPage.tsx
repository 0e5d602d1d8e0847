/** The user guide (docs/使用指南.md, copied beside the app by the build), rendered here. */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Card, Spin, Typography } from 'antd';

/** Inline marks the guide uses: **bold**, `code`, and nothing else. */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).map((part, i) =>
    part.startsWith('**') ? <b key={i}>{part.slice(2, -2)}</b> : part.startsWith('`') ? <Typography.Text key={i} code>{part.slice(1, -1)}</Typography.Text> : part,
  );
}

/** The small Markdown the guide is written in: headings, paragraphs, lists, images. */
export function renderGuide(md: string): ReactNode[] {
  const out: ReactNode[] = [];
  let list: { ordered: boolean; items: ReactNode[][] } | null = null;
  const flush = () => {
    if (!list) return;
    const items = list.items.map((c, i) => <li key={i}>{c}</li>);
    out.push(list.ordered ? <ol key={out.length}>{items}</ol> : <ul key={out.length}>{items}</ul>);
    list = null;
  };
  for (const raw of md.split('\n')) {
    const line = raw.trimEnd();
    const image = line.trim().match(/^!\[([^\]]*)\]\(([^)]+)\)$/);
    const item = line.match(/^(\s*)(-|\d+\.)\s+(.*)$/);
    if (image) {
      const node = <img key={out.length} src={`/guide/${image[2]}`} alt={image[1]} style={{ maxWidth: '100%', border: '1px solid #ddd', margin: '8px 0' }} />;
      if (list && raw.startsWith(' ')) list.items[list.items.length - 1].push(node);
      else (flush(), out.push(node));
    } else if (/^#{1,3} /.test(line)) {
      flush();
      const level = line.indexOf(' ') as 1 | 2 | 3;
      out.push(<Typography.Title key={out.length} level={level + 1 as 2 | 3 | 4}>{line.slice(level + 1)}</Typography.Title>);
    } else if (item && item[1].length === 0) {
      const ordered = item[2] !== '-';
      if (!list || list.ordered !== ordered) (flush(), (list = { ordered, items: [] }));
      list.items.push([<span key="t">{inline(item[3])}</span>]);
    } else if (item && list) {
      list.items[list.items.length - 1].push(<div key={list.items[list.items.length - 1].length}>· {inline(item[3])}</div>);
    } else if (line.trim() === '') {
      if (!raw.startsWith(' ') && list === null) continue;
    } else if (list && raw.startsWith(' ')) {
      list.items[list.items.length - 1].push(<p key={list.items[list.items.length - 1].length}>{inline(line.trim())}</p>);
    } else {
      flush();
      out.push(<Typography.Paragraph key={out.length}>{inline(line)}</Typography.Paragraph>);
    }
  }
  flush();
  return out;
}

export default function HelpPage() {
  const [md, setMd] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch('/guide/guide.md')
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`使用指南未随程序构建（${r.status}）`))))
      .then(setMd, (e: Error) => setError(e.message));
  }, []);
  if (error) return <Alert type="warning" showIcon title={error} />;
  if (md === null) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return (
    <Card size="small" style={{ maxWidth: 1000, margin: '0 auto' }}>
      <article aria-label="使用指南">{renderGuide(md)}</article>
    </Card>
  );
}
