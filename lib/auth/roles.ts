import type { Role } from '../db/schema';

const rank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** Roles are ordered: an admin may do everything an operator may, an operator everything a viewer may. */
export function roleAllows(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

/**
 * Who did something: an operator in the browser, an API token, the system itself, or a driver in the
 * portal (whose actions are limited by the portal's own functions, not by `role`).
 */
export interface Actor {
  type: 'user' | 'token' | 'system' | 'driver';
  id: string | null;
  label: string;
  role: Role;
}

export const systemActor: Actor = { type: 'system', id: null, label: 'system', role: 'admin' };
