import { Decimal as DecimalBase } from 'decimal.js';

/**
 * Renders a numeric cell value the way Excel prints it under the cell's number format, for the
 * formats budget exports use (`0.00`, `#,##0.00`, `#,##0_ `, accounting and percent formats).
 * Rounding goes through decimals from the value's shortest text, so 0.1 + 0.2 under `0.00` is
 * `0.30`, and 2940.045 rounds the way Excel shows it, not the way its binary double would.
 * Formats it cannot render faithfully (conditions, fractions, scientific) fall back to General.
 */
const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
type Decimal = InstanceType<typeof Decimal>;

/** Excel keeps 15 significant digits; anything past that is binary noise. */
const EXCEL_DIGITS = 15;

export function formatNumber(value: number, numFmt?: string | null): string {
  if (!Number.isFinite(value)) return String(value);
  const fmt = (numFmt ?? '').trim();
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return general(value);
  if (isDateFormat(fmt)) return formatDate(fromSerial(value));
  const sections = splitSections(fmt);
  let section: string;
  let signed = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    signed = -value; // the section prints its own sign or brackets
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  } else {
    section = sections[0];
  }
  const rendered = renderSection(signed, section);
  return rendered ?? general(value);
}

/** Excel's General format for a stored double: up to 15 significant digits, no exponent. */
export function general(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const d = new Decimal(value).toSignificantDigits(EXCEL_DIGITS);
  return d.isZero() ? '0' : d.toFixed();
}

/** Splits on `;` outside quotes, escapes and brackets. */
function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end + 1;
      cur += fmt.slice(i, stop);
      i = stop - 1;
    } else if (ch === '\\' && i + 1 < fmt.length) {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = fmt.indexOf(']', i + 1);
      const stop = end < 0 ? fmt.length : end + 1;
      cur += fmt.slice(i, stop);
      i = stop - 1;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

type Token = { kind: 'lit'; text: string } | { kind: 'code'; ch: string };

function tokenize(section: string): Token[] | null {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ kind: 'lit', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      if (i + 1 < section.length) out.push({ kind: 'lit', text: section[i + 1] });
      i++;
    } else if (ch === '_' || ch === '*') {
      // `_x` pads with the width of x and `*x` fills the cell with x: layout, not text.
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end;
      if (/^[<>=]/.test(inner)) return null; // conditional section
      if (inner.startsWith('$')) {
        // [$¥-804]: a currency symbol and a locale; [$-804]: a locale only.
        const symbol = inner.slice(1).split('-')[0];
        if (symbol) out.push({ kind: 'lit', text: symbol });
      }
      // Colours and other bracketed switches print nothing.
    } else if ('0#?.,%'.includes(ch)) {
      out.push({ kind: 'code', ch });
    } else if (/[eE]/.test(ch) && /[+-]/.test(section[i + 1] ?? '')) {
      return null; // scientific
    } else if (ch === '/' || ch === '@') {
      return null; // fractions, text placeholder
    } else if (/[a-zA-Z]/.test(ch)) {
      return null; // date codes or General inside a section
    } else {
      out.push({ kind: 'lit', text: ch });
    }
  }
  return out;
}

function renderSection(value: number, section: string): string | null {
  const tokens = tokenize(section);
  if (!tokens) return null;
  const placeholder = (t: Token) => t.kind === 'code' && '0#?'.includes(t.ch);
  const first = tokens.findIndex(placeholder);
  if (first < 0) {
    // A section of literals only, e.g. "-" for zero in accounting formats.
    return tokens.map((t) => (t.kind === 'lit' ? t.text : t.ch === '%' ? '%' : '')).join('').trim();
  }
  let last = first;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'code' || t.ch === '%') break;
    last = i;
  }
  const number = tokens.slice(first, last + 1) as Array<{ kind: 'code'; ch: string }>;
  const prefix = tokens.slice(0, first);
  const suffix = tokens.slice(last + 1);

  const dot = number.findIndex((t) => t.ch === '.');
  const intPart = dot < 0 ? number : number.slice(0, dot);
  const fracPart = dot < 0 ? [] : number.slice(dot + 1);
  // Commas after the last digit placeholder scale by 1000 each; commas between them group.
  let scaleCommas = 0;
  for (let i = number.length - 1; i >= 0 && number[i].ch === ','; i--) scaleCommas++;
  const intCodes = intPart.filter((t) => '0#?'.includes(t.ch));
  const grouping = intPart.some((t, i) => t.ch === ',' && intPart.slice(i + 1).some((u) => '0#?'.includes(u.ch)));
  const fracCodes = fracPart.filter((t) => '0#?'.includes(t.ch));
  const maxDecimals = fracCodes.length;
  const minDecimals = fracCodes.filter((t) => t.ch === '0').length;
  const minInt = intCodes.filter((t) => t.ch === '0').length;
  const percents = [...prefix, ...suffix].filter((t) => t.kind === 'code' && t.ch === '%').length;

  let d: Decimal = new Decimal(value).toSignificantDigits(EXCEL_DIGITS);
  for (let i = 0; i < percents; i++) d = d.times(100);
  for (let i = 0; i < scaleCommas; i++) d = d.div(1000);
  const negative = d.isNegative() && !d.toDecimalPlaces(maxDecimals).isZero();
  let fixed = d.abs().toFixed(maxDecimals);
  let [intDigits, fracDigits = ''] = fixed.split('.');
  while (fracDigits.length > minDecimals && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  fixed = fracDigits.length > 0 ? `${intDigits}.${fracDigits}` : intDigits;

  const lit = (ts: Token[]) => ts.map((t) => (t.kind === 'lit' ? t.text : t.ch === '%' ? '%' : '')).join('');
  return `${negative ? '-' : ''}${lit(prefix)}${fixed}${lit(suffix)}`.trim();
}

/** Dates print as YYYY-MM-DD whatever their format; a time of day is added only when present. */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day} ${p(h)}:${p(m)}:${p(s)}` : day;
}

/** True when the format, outside quoted text and brackets, is made of date or time codes. */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare) || /[0#?]/.test(bare)) return false;
  return /[ymdhs]/i.test(bare);
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, with the phantom 1900-02-29 at serial 60. */
function fromSerial(serial: number): Date {
  const days = serial < 60 ? serial : serial - 1;
  const ms = Math.round((days - 1) * 86400000);
  return new Date(Date.UTC(1900, 0, 1) + ms);
}
