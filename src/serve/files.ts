/**
 * File names and types at the HTTP edge. An uploaded file's name is only ever a label: it is cut
 * to a base name, cleaned, and never joined into a path (originals live in the database).
 */
import type { Format } from '../read/doc.js';
import { READERS, readerFor } from '../read/registry.js';

/** The media type a stored file is served with, by format (from the reader registry). */
export const CONTENT_TYPES: Record<string, string> = Object.fromEntries(READERS.map((r) => [r.format, r.mediaTypes[0]]));

/** The client's name reduced to something safe to show: no folders, no control or quoting characters. */
export function safeBaseName(name: string | undefined | null): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  const chars = [...cleaned];
  // Keep the end: that is where the extension is.
  return chars.length > 120 ? chars.slice(-120).join('') : cleaned;
}

/** The base name with an extension that agrees with the format found in the content. */
export function nameForFormat(base: string, format: Format): string {
  const name = base || 'document';
  const lower = name.toLowerCase();
  const { extensions } = readerFor(format);
  return extensions.some((e) => lower.endsWith(e)) ? name : `${name}${extensions[0]}`;
}

/** Content-Disposition for a download: an ASCII fallback plus the real name (RFC 6266/5987). */
export function attachment(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function extensionOf(format: string): string {
  return READERS.find((r) => r.format === format)?.extensions[0] ?? '.bin';
}
