/**
 * A small, strict XML parser for the parts of a .docx package. It builds an ordered element tree
 * (document order is what the Word reader needs) and refuses input that is not well-formed, so a
 * damaged part is reported instead of read half-way. A general parser with order preservation was
 * several times slower on real disclosures; OOXML needs no DTDs, so none are accepted.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. `w:p`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Malformed XML; `offset` is the character position where parsing stopped. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

const NAME = /[^\s/>=<"']+/y;
const ATTR = /\s+([^\s/>=<"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE = /<\/([^\s/>=<"']+)\s*>/y;
/** Word nests a few dozen levels at most; the limit keeps the recursive readers off the stack limit. */
const MAX_DEPTH = 2000;

/** Elements nested deeper than the parser was allowed (the reading limit `nesting`). */
export class XmlDepthError extends XmlError {
  constructor(
    readonly depth: number,
    offset: number,
  ) {
    super(`元素嵌套超过 ${depth} 层`, offset);
    this.name = 'XmlDepthError';
  }
}

export function parseXml(xml: string, maxDepth = MAX_DEPTH): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = xml.length;

  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > pos) {
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(decodeText(xml, pos, textEnd));
      else if (!/^\s*$/.test(xml.slice(pos, textEnd))) throw new XmlError('根元素之外有文字', pos);
      pos = textEnd;
    }
    if (lt < 0) break;

    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      CLOSE.lastIndex = lt;
      const m = CLOSE.exec(xml);
      if (!m) throw new XmlError('结束标签不完整', lt);
      const open = stack.pop();
      if (!open || open.name !== m[1]) {
        throw new XmlError(`结束标签 </${m[1]}> 与开始标签 <${open ? open.name : ''}> 不匹配`, lt);
      }
      pos = CLOSE.lastIndex;
    } else if (next === 0x3f /* ? */) {
      pos = skipPast(xml, lt, '?>', '处理指令未结束');
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        pos = skipPast(xml, lt, '-->', '注释未结束');
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('CDATA 段未结束', lt);
        const parent = stack[stack.length - 1];
        if (!parent) throw new XmlError('根元素之外有 CDATA 段', lt);
        parent.children.push(xml.slice(lt + 9, end));
        pos = end + 3;
      } else {
        // DOCTYPE and entity declarations never occur in OOXML; refusing them also rules out entity expansion.
        throw new XmlError('不支持的 XML 声明（如 DOCTYPE）', lt);
      }
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(xml);
      if (!m) throw new XmlError('标签名缺失', lt);
      const el: XmlElement = { name: m[0], attrs: {}, children: [] };
      let at = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = at;
        const a = ATTR.exec(xml);
        if (!a) break;
        const value = a[2] ?? a[3];
        el.attrs[a[1]] = value.includes('&') ? decodeEntities(value, at) : value;
        at = ATTR.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(xml);
      if (!end) throw new XmlError(`标签 <${el.name}> 不完整或属性格式错误`, lt);
      pos = TAG_END.lastIndex;

      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) throw new XmlError('有多个根元素', lt);
      else root = el;
      if (end[1] !== '/') {
        if (stack.length >= maxDepth) throw new XmlDepthError(maxDepth, lt);
        stack.push(el);
      }
    }
  }

  if (stack.length > 0) throw new XmlError(`元素 <${stack[stack.length - 1].name}> 没有结束（内容不完整）`, n);
  if (!root) throw new XmlError('没有根元素', 0);
  return root;
}

function skipPast(xml: string, from: number, terminator: string, what: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new XmlError(what, from);
  return end + terminator.length;
}

function decodeText(xml: string, from: number, to: number): string {
  // Looked for in the text itself: searching the whole rest of the part from every text node was
  // quadratic in a part without any '&' (80,000 runs of text took 10 s).
  const raw = xml.slice(from, to);
  return raw.includes('&') ? decodeEntities(raw, from) : raw;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string, offset: number): string {
  return s.replace(ENTITY, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('孤立的 & 字符', offset);
    if (ref.charCodeAt(0) === 0x23 /* # */) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) throw new XmlError(`无效的字符引用 ${whole}`, offset);
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref];
    if (named === undefined) throw new XmlError(`未定义的实体 ${whole}`, offset);
    return named;
  });
}

/** Local part of a qualified name: `w:p` → `p`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
