/**
 * Security headers (@fastify/helmet) on every answer, and the content-security policy the web app
 * (web/, built by Vite into dist/web/) runs under. The app loads only its own files: module
 * scripts and styles from /assets, pdf.js's worker, character maps and fonts from the same origin.
 * What it needs beyond `'self'`, and why:
 * - `style-src 'unsafe-inline'`: antd writes its component styles into <style> elements at run time
 *   (CSS-in-JS), and echarts and antd set `style` attributes; no script is inline;
 * - `img-src data: blob:` and `font-src data:`: antd's icons and pdf.js's page fonts;
 * - `worker-src blob:`: pdf.js falls back to a blob worker when its module worker cannot start.
 * No `unsafe-eval`: pdf.js is told not to compile glyphs with `new Function` (web/src/components/PdfPage.tsx).
 * Only over HTTPS (`https`): requests upgraded and HSTS; on plain http (the local mode, a trusted
 * LAN with --insecure-cookies) either would break the app or mean nothing.
 * A stored original keeps its stricter `sandbox; default-src 'none'` (routes/documents.ts), and the
 * API's documentation page (/api/docs) the policy @fastify/swagger-ui sets for it.
 */
import type { FastifyHelmetOptions } from '@fastify/helmet';

export function webCsp(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'worker-src': ["'self'", 'blob:'],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export function securityHeaders(https: boolean): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: webCsp(https) },
    // The app opens no cross-origin windows and is embedded nowhere.
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  };
}

/** @fastify/swagger-ui's own policy for /api/docs, without the upgrade on plain http. */
export function docsCsp(https: boolean): (header: string) => string {
  return (header) => (https ? header : header.replace(/\s*upgrade-insecure-requests;?/, ''));
}
