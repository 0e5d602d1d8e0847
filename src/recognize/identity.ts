/**
 * Whose document it is: the entity's full name and budget code, its place and administrative level,
 * whether the document is the department's (汇总), its own office's (本级) or one unit's (单位预算),
 * and for a unit the department it says it belongs to.
 */
import type { Disclosure } from '../model/disclosure.js';
import { squash, type Block } from '../read/doc.js';
import { analyzeGrid } from './grid.js';
import {
  abbreviates,
  entityFromProse,
  entityFromTableHeader,
  entityFromTitle,
  entityLevel,
  entityRegion,
  parentFromProse,
  scopeFromTitle,
  splitScope,
} from './meta.js';
import { metaAbove } from './neighbours.js';

/** The entity: the full name from table headers or the units table, else the title's words. */
export function identifyEntity(d: Disclosure, blocks: Block[]): void {
  const paragraphs = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  const opening = blocks.slice(0, 12).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  const fromTitle = d.title ? entityFromTitle(d.title) : null;
  const header = entityFromTableHeader(blocks.flatMap((b, i) => (b.type === 'table' ? [...analyzeGrid(b).metaTexts, ...metaAbove(blocks, i)] : [])), opening);
  let name = header?.name ?? fromTitle;
  name ??= entityFromProse(paragraphs);
  const firstUnit = d.units[0] ? splitScope(d.units[0].name).name : undefined;
  if (firstUnit && (!name || (fromTitle && abbreviates(name, firstUnit)))) name = firstUnit;
  if (header && fromTitle && header.name !== fromTitle && abbreviates(fromTitle, header.name) === false && fromTitle.length > header.name.length) {
    name = fromTitle;
  }
  if (name) name = splitScope(name).name;
  const titleScope = d.title ? scopeFromTitle(d.title) : null;
  // What the document calls itself comes first: a 部门预算 whose tables are labelled 本级 (a
  // department of one unit) is the department's. The tables' marker speaks when the title is silent.
  const scope = titleScope ?? header?.scope ?? null;
  const parent = name && scope === 'unit' ? parentFromProse(paragraphs.slice(0, 60), name) : null;
  // "上海交通职业技术学院" names no place: the title's ("上海市2026年市级单位预算") or its department's.
  const region = name ? (entityRegion(name) ?? placeInTitle(d.title) ?? (parent ? entityRegion(parent) : null)) : null;
  d.entity = {
    name: name ?? null,
    code: header?.code ?? null,
    level: region ? entityLevel(region) : null,
    region,
    scope,
    parent,
  };
}

/** The place a title opens with, before its year: "上海市2026年市级单位预算" → 上海市. */
function placeInTitle(title: string | null): string | null {
  const m = /^(.+?)20\d{2}/.exec(squash(title ?? '').replace(/^20\d{2}年度?/, ''));
  return m ? entityRegion(m[1]) : null;
}
