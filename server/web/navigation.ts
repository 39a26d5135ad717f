/**
 * The header's navigation: one line per page. `who` says who sees the link: everyone, only visitors who are
 * not signed in, or the officer roles listed.
 */
import type { Role } from '../../workflows/domain.js';
import type { Officer } from '../domain/sessions.js';
import type { LabelKey } from './labels.js';

export interface NavItem {
  /** A function for a link that depends on who is signed in (their own ward's page). */
  href: string | ((officer: Officer) => string);
  label: LabelKey;
  who: 'everyone' | 'visitors' | 'officers' | readonly Role[];
}

const FILING_ROLES: readonly Role[] = ['ward_officer', 'association_officer', 'group_leader'];

export const NAVIGATION: readonly NavItem[] = [
  { href: '/inbox', label: 'navInbox', who: 'officers' },
  { href: '/applications', label: 'navApplications', who: 'officers' },
  { href: '/loans', label: 'navLoans', who: 'officers' },
  { href: '/status', label: 'navStatus', who: 'visitors' },
  { href: '/apply', label: 'navApply', who: 'visitors' },
  { href: '/apply', label: 'navApply', who: FILING_ROLES },
  { href: '/admin', label: 'navAdmin', who: ['admin'] },
  { href: (officer) => `/wards/${officer.wardCode ?? ''}/registry`, label: 'navRegistry', who: ['ward_officer'] },
  { href: (officer) => `/groups/${officer.groupCode ?? ''}/meetings`, label: 'navMeetings', who: ['group_leader'] },
  {
    href: (officer) => `/groups/${officer.groupCode ?? ''}/interest-collections`,
    label: 'navInterest',
    who: ['group_leader'],
  },
  { href: '/transaction-days', label: 'navTransactionDays', who: ['bank_credit_officer', 'bank_manager'] },
  { href: '/capital', label: 'navCapital', who: ['bank_credit_officer', 'bank_manager'] },
  { href: '/reports', label: 'navReports', who: ['bank_credit_officer', 'bank_manager', 'ward_officer'] },
];

export function navigationFor(officer: Officer | null): { href: string; label: LabelKey }[] {
  return NAVIGATION.flatMap(({ href, label, who }) => {
    const shown =
      who === 'everyone' ||
      (who === 'visitors' && officer === null) ||
      (who === 'officers' && officer !== null && officer.role !== 'admin') ||
      (Array.isArray(who) && officer !== null && who.includes(officer.role));
    if (!shown) return [];
    if (typeof href === 'string') return [{ href, label }];
    // A link that depends on who is signed in is only ever listed for roles, so there is an officer.
    return officer === null ? [] : [{ href: href(officer), label }];
  });
}
