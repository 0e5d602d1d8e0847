/**
 * Who may ask for what. Reads need an account only on a server that requires accounts (and not
 * with `publicRead`); each write names the least role it needs and, for reviewers of a region,
 * what it touches. A write route missing here needs an admin: a new route is closed until it is
 * listed.
 */
import type { Role } from '../../accounts/roles.js';

export interface WriteRule {
  role: Role;
  /** The audit log's name for the write. */
  action: string;
  /** What the reviewer's region must cover: the document `:id`, or the entity `:id` (and `into`). */
  scope?: 'document' | 'entity';
}

export const WRITES: Record<string, WriteRule> = {
  'POST /api/documents': { role: 'editor', action: 'upload' },
  'PUT /api/documents/:id/reviews/:index': { role: 'reviewer', action: 'review', scope: 'document' },
  'DELETE /api/documents/:id/reviews/:index': { role: 'reviewer', action: 'review-clear', scope: 'document' },
  'POST /api/entities/:id/merge': { role: 'reviewer', action: 'entity-merge', scope: 'entity' },
  'POST /api/entities/:id/split': { role: 'reviewer', action: 'entity-split', scope: 'entity' },
  'POST /api/ledger': { role: 'reviewer', action: 'ledger-import' },
  'POST /api/auth/logout': { role: 'viewer', action: 'logout' },
  'POST /api/tokens': { role: 'viewer', action: 'token-create' },
  'DELETE /api/tokens/:id': { role: 'viewer', action: 'token-revoke' },
};

/** Answered without an account: logging in, the server's health, the API's description. */
export function isPublic(method: string, url: string): boolean {
  if (method === 'POST' && url === '/api/auth/login') return true;
  if (method !== 'GET' && method !== 'HEAD') return false;
  return url === '/api/health' || url === '/api/openapi.json' || url.startsWith('/api/docs') || !url.startsWith('/api');
}

export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function writeRule(method: string, route: string): WriteRule {
  return WRITES[`${method} ${route}`] ?? { role: 'admin', action: `${method.toLowerCase()} ${route}` };
}
