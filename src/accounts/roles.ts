/**
 * Roles of a shared server. Each role includes the ones after it:
 * - admin: everything, accounts and the audit log included;
 * - reviewer: gives verdicts on findings, merges and splits entities, imports the ledger — within
 *   a region when the account names one; uploads any entity's files;
 * - editor: a department's staff: uploads files of its own entity only;
 * - viewer: reads.
 */
export const ROLES = ['admin', 'reviewer', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = { admin: '管理员', reviewer: '审核人员', editor: '部门填报人员', viewer: '查看人员' };

const RANK: Record<Role, number> = { admin: 3, reviewer: 2, editor: 1, viewer: 0 };

export function atLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** Who a request acts as. `local`: the one user of a server bound to loopback, without login. */
export interface Identity {
  userId: number | null;
  name: string;
  role: Role;
  /** A reviewer's region (a division name or code prefix); null: every region. */
  region: string | null;
  /** An editor's entity, as a document names it. */
  entity: string | null;
  via: 'session' | 'token' | 'local';
}
