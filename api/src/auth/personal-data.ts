import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from './access';

/** `138****5596`: the first 3 and last 4 digits of a phone number, the rest as asterisks. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 张* : the first character of a name, the rest as asterisks. */
export function maskName(name: string): string {
  const chars = [...name];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** One field of personal data: who sees it in full, and what everyone else sees. */
export interface PersonalField {
  entity: string;
  field: string;
  /** Of these record ids, the ones whose value the viewer sees in full. */
  inFull(access: Access, ids: string[], em?: EntityManager): Promise<Set<string>>;
  /** What the viewer sees of `value`, given whether they see it in full. */
  shown(access: Access, value: unknown, inFull: boolean): unknown;
}

/**
 * The personal data in Yizhan, declared once. The GraphQL field resolvers (`Volunteer.phone`, `Volunteer.name`)
 * and the audit log's `before`/`after` both apply these rules, so the audit log never shows a reader more than
 * the record itself would.
 * - Volunteer.phone: in full only to a COORDINATOR of a team the volunteer belongs to; masked (138****5596) to
 *   other staff, ADMIN included (data minimisation); null for API keys and anonymous callers.
 * - Volunteer.name: in full to staff; the first character only (张*) to API keys.
 */
export const PERSONAL_DATA: PersonalField[] = [
  {
    entity: 'Volunteer',
    field: 'phone',
    async inFull(access, ids, em) {
      if (!access.isCoordinator) return new Set();
      return access.idsInScope('Volunteer', ids, em);
    },
    shown(access, value, inFull) {
      if (!access.isStaff || value == null || value === '') return null;
      return inFull ? value : maskPhone(String(value));
    },
  },
  {
    entity: 'Volunteer',
    field: 'name',
    async inFull(access, ids) {
      return access.isStaff ? new Set(ids) : new Set();
    },
    shown(_access, value, inFull) {
      if (value == null) return null;
      return inFull ? value : maskName(String(value));
    },
  },
];

/** The rule for `entity.field`, if it is personal data. */
export function personalField(entity: string, field: string): PersonalField | undefined {
  return PERSONAL_DATA.find((p) => p.entity === entity && p.field === field);
}
