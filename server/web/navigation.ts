/**
 * The header's navigation: one line per page. `who` says who sees the link: everyone, only visitors who are
 * not signed in, or the officer roles listed.
 */
import type { Role } from '../../workflows/domain.js';
import type { Officer } from '../domain/sessions.js';
import type { LabelKey } from './labels.js';

export interface NavItem {
  href: string;
  label: LabelKey;
  who: 'everyone' | 'visitors' | 'officers' | readonly Role[];
}

const FILING_ROLES: readonly Role[] = ['ward_officer', 'association_officer', 'group_leader'];

export const NAVIGATION: readonly NavItem[] = [
  { href: '/inbox', label: 'navInbox', who: 'officers' },
  { href: '/applications', label: 'navApplications', who: 'officers' },
  { href: '/status', label: 'navStatus', who: 'visitors' },
  { href: '/apply', label: 'navApply', who: 'visitors' },
  { href: '/apply', label: 'navApply', who: FILING_ROLES },
  { href: '/admin', label: 'navAdmin', who: ['admin'] },
  { href: '/transaction-days', label: 'navTransactionDays', who: ['bank_credit_officer', 'bank_manager'] },
];

export function navigationFor(officer: Officer | null): NavItem[] {
  return NAVIGATION.filter(({ who }) => {
    if (who === 'everyone') return true;
    if (who === 'visitors') return officer === null;
    if (who === 'officers') return officer !== null && officer.role !== 'admin';
    return officer !== null && who.includes(officer.role);
  });
}
