/**
 * Who acts on what, in one table: each step's roles and the scope they act in, the two stages of the bank's
 * approval, who supervises a step, and which officers may act for the applicant. The workflow's validators,
 * the server's pre-checks, the inbox and the mail recipients all derive from it. Pure data and functions.
 */
import type { Role, StepName } from '../domain.js';

/** Where an officer's authority runs: a ward, an association within a ward, a group, or a bank office. */
export type ScopeKind = 'ward' | 'association' | 'group' | 'bank-office';

/** Each role's scope; the administrator keeps reference data and accounts and has no loan files. */
export const ROLE_SCOPE: Record<Role, ScopeKind | null> = {
  admin: null,
  ward_officer: 'ward',
  association_officer: 'association',
  group_leader: 'group',
  bank_credit_officer: 'bank-office',
  bank_manager: 'bank-office',
};

/** The four places an authority can be bound to; a scope uses one or two of them. */
export interface ScopePlaces {
  wardCode: string | null;
  associationCode: string | null;
  groupCode: string | null;
  bankOfficeCode: string | null;
}

/** The places a scope is bound to: only those its kind uses, each given. */
export type BoundPlaces = Partial<Record<keyof ScopePlaces, string>>;

const SCOPE_PLACES: Record<ScopeKind, readonly (keyof ScopePlaces)[]> = {
  ward: ['wardCode'],
  association: ['wardCode', 'associationCode'],
  group: ['groupCode'],
  'bank-office': ['bankOfficeCode'],
};

/**
 * The places a scope of this kind is bound to, read from anything that has them: an officer (what their
 * authority covers) or an application (whose authority covers it). Null when a place the kind needs is missing,
 * so a half-configured officer covers nothing. The one translation of a scope; every query adapts this.
 */
export function scopePlaces(kind: ScopeKind | null, source: Partial<ScopePlaces>): BoundPlaces | null {
  if (kind === null) return null;
  const places: BoundPlaces = {};
  for (const place of SCOPE_PLACES[kind]) {
    const value = source[place];
    if (!value) return null;
    places[place] = value;
  }
  return places;
}

export interface StepAuthority {
  /** Who may start and decide the step (for bank approval see {@link BANK_APPROVAL_STAGES}). */
  roles: readonly Role[];
  /** The level an overdue step is escalated to: the ward chair, the association's district level, the bank office head. */
  supervisor: Exclude<ScopeKind, 'group'>;
}

export const STEP_AUTHORITY: Record<StepName, StepAuthority> = {
  'ward-verification': { roles: ['ward_officer'], supervisor: 'ward' },
  entrustment: { roles: ['association_officer'], supervisor: 'association' },
  'group-vote': { roles: ['group_leader'], supervisor: 'association' },
  'bank-approval': { roles: ['bank_credit_officer', 'bank_manager'], supervisor: 'bank-office' },
  disbursement: { roles: ['bank_credit_officer', 'bank_manager'], supervisor: 'bank-office' },
};

/** Bank approval has two stages (four eyes): a credit officer proposes, then a manager confirms. */
export const BANK_APPROVAL_STAGES = {
  propose: ['bank_credit_officer'],
  confirm: ['bank_manager'],
} as const satisfies Record<string, readonly Role[]>;

/** Who may act on a step now: for bank approval, whether a proposal is waiting decides the stage. */
export function rolesForStage(step: StepName, proposed: boolean): readonly Role[] {
  if (step !== 'bank-approval') return STEP_AUTHORITY[step].roles;
  return proposed ? BANK_APPROVAL_STAGES.confirm : BANK_APPROVAL_STAGES.propose;
}

/** Whether a role acts on a step at any stage: the server's pre-check before it asks the workflow. */
export function mayActOnStep(role: string, step: StepName): boolean {
  return (STEP_AUTHORITY[step].roles as readonly string[]).includes(role);
}

/** The steps (and, for bank approval, the stage) that wait on a role: what its inbox shows. */
export function stepsWaitingOn(role: Role): { step: StepName; proposed?: boolean }[] {
  const waiting: { step: StepName; proposed?: boolean }[] = [];
  for (const step of Object.keys(STEP_AUTHORITY) as StepName[]) {
    if (step === 'bank-approval') {
      for (const proposed of [false, true])
        if (rolesForStage(step, proposed).includes(role)) waiting.push({ step, proposed });
    } else if (STEP_AUTHORITY[step].roles.includes(role)) {
      waiting.push({ step });
    }
  }
  return waiting;
}

export const APPLICANT_ACTIONS = ['amend', 'withdraw'] as const;
export type ApplicantAction = (typeof APPLICANT_ACTIONS)[number];

/**
 * The officers who may act for the applicant, always with a reason and recorded as on the applicant's behalf.
 * The group leader receives the forms, the ward and the association help households with them; the bank
 * never rewrites what a household asked for, but records a borrower's withdrawal at the transaction point.
 */
export const APPLICANT_AGENTS: Record<ApplicantAction, readonly Role[]> = {
  amend: ['group_leader', 'ward_officer', 'association_officer'],
  withdraw: ['group_leader', 'ward_officer', 'association_officer', 'bank_credit_officer', 'bank_manager'],
};

export interface AgentViolation {
  code: 'ROLE_NOT_ALLOWED' | 'REASON_REQUIRED';
  message: string;
  field?: string;
}

/** The applicant acts freely; an officer only in a role of {@link APPLICANT_AGENTS} and with a reason. */
export function checkApplicantAgent(
  actorRole: string,
  action: ApplicantAction,
  reason: string | undefined,
): AgentViolation | null {
  if (actorRole === 'applicant') return null;
  if (!(APPLICANT_AGENTS[action] as readonly string[]).includes(actorRole)) {
    return { code: 'ROLE_NOT_ALLOWED', message: `Role ${actorRole} may not ${action} for the applicant` };
  }
  if (!reason?.trim()) {
    return {
      code: 'REASON_REQUIRED',
      message: `A reason is required to ${action} on the applicant's behalf`,
      field: 'reason',
    };
  }
  return null;
}
