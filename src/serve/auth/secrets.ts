/** Session cookies and API tokens: random, shown to the client once, stored only as SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'gongkai_session';
/** A login lasts this long, then the user logs in again. */
export const SESSION_HOURS = 12;
/** API tokens start with this, so a leaked one is recognisable (and secret scanners can find it). */
export const TOKEN_PREFIX = 'gk_';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newToken(): string {
  return TOKEN_PREFIX + newSecret();
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
