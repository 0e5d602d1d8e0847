/** The document as read (paragraphs and tables), around the place of a finding, highlighted. */
import { useEffect, useRef } from 'react';
import type { Loc, Tree, TreeBlock } from '../api';

const AROUND = 40;

/**
 * A character as compared with a recorded sentence: the recogniser keeps sentences with full-width
 * punctuation folded to ASCII (，→ ,), so both sides are folded the same way.
 */
export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
}

export function squashFold(text: string): string {
  let out = '';
  for (const ch of text) if (!/[\s\u3000]/.test(ch)) out += foldChar(ch);
  return out;
}

/** Where the sentence stands in the text ([start, end)), whitespace and punctuation width ignored. */
export function findSentence(text: string, sentence: string): [number, number] | null {
  const wanted = squashFold(sentence);
  if (!wanted) return null;
  const map: number[] = [];
  let squashed = '';
  for (let i = 0; i < text.length; i++) {
    if (/[\s\u3000]/.test(text[i])) continue;
    map.push(i);
    squashed += foldChar(text[i]);
  }
  const at = squashed.indexOf(wanted);
  if (at < 0) return null;
  return [map[at], map[at + wanted.length - 1] + 1];
}

function Paragraph({ block, loc, target }: { block: Extract<TreeBlock, { type: 'paragraph' }>; loc: Loc; target: boolean }) {
  const hit = target && loc.sentence ? findSentence(block.text, loc.sentence) : null;
  if (!hit) return <p className={target ? 'gk-target' : undefined}>{block.text}</p>;
  return (
    <p className="gk-target">
      {block.text.slice(0, hit[0])}
      <mark data-testid="sentence-hit">{block.text.slice(hit[0], hit[1])}</mark>
      {block.text.slice(hit[1])}
    </p>
  );
}

function TableBlock({ block, loc, target }: { block: Extract<TreeBlock, { type: 'table' }>; loc: Loc; target: boolean }) {
  return (
    <table className={target && loc.row === undefined ? 'gk-target' : undefined}>
      <tbody>
        {block.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => {
              if (cell.mergedFrom) return null;
              const hit = target && loc.row === r && (loc.col === undefined || loc.col === c);
              return (
                <td key={c} rowSpan={cell.rowSpan} colSpan={cell.colSpan} className={hit ? 'gk-cell' : undefined} data-testid={hit ? 'cell-hit' : undefined}>
                  {cell.text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TreeView({ tree, loc }: { tree: Tree; loc: Loc }) {
  const ref = useRef<HTMLDivElement>(null);
  let targetIndex = loc.block ?? -1;
  if (targetIndex < 0 && loc.table !== undefined) {
    let n = -1;
    targetIndex = tree.blocks.findIndex((b) => b.type === 'table' && ++n === loc.table);
  }
  const from = Math.max(0, targetIndex - AROUND);
  const to = Math.min(tree.blocks.length, (targetIndex < 0 ? 0 : targetIndex) + AROUND);
  useEffect(() => {
    const el = ref.current?.querySelector('.gk-cell, mark, .gk-target');
    el?.scrollIntoView({ block: 'center' });
  }, [tree, loc]);
  return (
    <div className="gk-tree" ref={ref} data-testid="tree-view" tabIndex={0} aria-label="原文（按读取结果显示）">
      {from > 0 && <p style={{ color: '#888' }}>（前略 {from} 段）</p>}
      {tree.blocks.slice(from, to).map((b, i) => {
        const target = from + i === targetIndex;
        return b.type === 'paragraph' ? (
          <Paragraph key={from + i} block={b} loc={loc} target={target} />
        ) : (
          <TableBlock key={from + i} block={b} loc={loc} target={target} />
        );
      })}
      {to < tree.blocks.length && <p style={{ color: '#888' }}>（后略 {tree.blocks.length - to} 段）</p>}
    </div>
  );
}
