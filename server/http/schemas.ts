/**
 * Every payload that crosses the HTTP boundary, as zod schemas; types are inferred from them and the
 * OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { DEMO_PASSWORD } from '../../prisma/seed.js';
import { isSafeText } from './middleware/safe-text.js';
import {
  APPLICATION_STATUSES,
  ASSOCIATION_CODES,
  HOUSEHOLD_CATEGORIES,
  OUTCOMES,
  ROLES,
  STEP_NAMES,
} from '../../workflows/domain.js';
import { DISBURSEMENT_FIELDS, checkReason } from '../../workflows/rules/step-rules.js';
import { toOneLine, toParagraphs } from '../domain/text.js';

/** Non-empty text that PostgreSQL can store: no NUL, no unpaired surrogate (paths and ids included). */
const storable = (schema: z.ZodString, max: number) => schema.min(1).max(max).refine(isSafeText, 'invalid text');
/** A name, a code, an id: one line of text (see {@link toOneLine}). */
export const line = (max: number) => storable(z.string().overwrite(toOneLine), max);
/** Free text that may run over several lines: a plan, a reason (see {@link toParagraphs}). */
export const paragraphs = (max: number) => storable(z.string().overwrite(toParagraphs), max);
const vnd = z.number().int().positive().max(1_000_000_000_000);
const months = z.number().int().positive().max(600);
const count = z.number().int().min(0).max(100_000);

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30). */
export const IsoDate = z.iso.date();

export const CitizenId = z.string().regex(/^\d{12}$/, 'citizenId must be 12 digits');

export const StepParam = z.enum(STEP_NAMES);
export const HouseholdCategory = z.enum(HOUSEHOLD_CATEGORIES);
export const Outcome = z.enum(OUTCOMES);

export const LoginBody = z.strictObject({ username: line(100), password: z.string().min(1).max(200) });
export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), role: z.enum(ROLES) });

export const Borrower = z.strictObject({
  fullName: line(200),
  citizenId: CitizenId,
  dateOfBirth: IsoDate,
  phone: z
    .string()
    .regex(/^\+?\d{9,15}$/, 'phone must be 9 to 15 digits')
    .optional(),
  email: z.email().max(254).optional(),
});

/** Form 01/TD. */
export const CreateApplicationBody = z.strictObject({
  programCode: line(40),
  wardCode: line(40),
  groupCode: line(40),
  householdCategory: HouseholdCategory,
  village: line(200).optional(),
  borrower: Borrower,
  householdMembers: z
    .array(z.strictObject({ fullName: line(200), citizenId: CitizenId, relationship: line(60) }))
    .max(30)
    .optional(),
  amount: vnd,
  termMonths: months,
  purpose: line(1000),
  usePlan: paragraphs(4000),
});
export type CreateApplicationBody = z.infer<typeof CreateApplicationBody>;

export const CreatedApplication = z.object({
  id: z.uuid(),
  code: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  currentStep: StepParam.nullable(),
});

/**
 * An applicant acting without an officer token proves who they are with the full citizen ID; an officer acting
 * on their behalf gives a reason instead.
 */
const ApplicantProof = { citizenId: CitizenId.optional(), reason: paragraphs(1000).optional() };

export const AmendApplicationBody = z.strictObject({
  ...ApplicantProof,
  householdCategory: HouseholdCategory.optional(),
  village: line(200).optional(),
  amount: vnd.optional(),
  termMonths: months.optional(),
  purpose: line(1000).optional(),
  usePlan: paragraphs(4000).optional(),
  phone: Borrower.shape.phone,
  email: Borrower.shape.email,
});
export type AmendApplicationBody = z.infer<typeof AmendApplicationBody>;

export const WithdrawBody = z.strictObject({ ...ApplicantProof });
export type WithdrawBody = z.infer<typeof WithdrawBody>;

const reason = paragraphs(2000).optional();

/** The workflow's own rule, checked early so a form gets every field message at once. */
function requireReason(value: { outcome: string; reason?: string | undefined }, ctx: z.RefinementCtx): void {
  const missing = checkReason(value.outcome, value.reason);
  if (missing) ctx.addIssue({ code: 'custom', path: ['reason'], message: missing.message });
}

function requireOnApprove<T extends { outcome: string }>(keys: readonly (keyof T & string)[]) {
  return (value: T, ctx: z.RefinementCtx): void => {
    if (value.outcome !== 'approve') return;
    for (const key of keys) {
      if (value[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required to approve` });
    }
  };
}

export const DecisionBodies = {
  'ward-verification': z
    .strictObject({ outcome: Outcome, reason, residenceConfirmed: z.boolean(), listedCategory: HouseholdCategory })
    .superRefine(requireReason),
  entrustment: z
    .strictObject({
      outcome: Outcome,
      reason,
      associationCode: z.enum(ASSOCIATION_CODES),
      dossierComplete: z.boolean(),
    })
    .superRefine(requireReason),
  // No outcome: the vote's result is computed from the tally by the workflow.
  'group-vote': z.strictObject({
    reason,
    meetingDate: IsoDate,
    membersTotal: count,
    membersPresent: count,
    votesFor: count,
    votesAgainst: count,
    abstentions: count,
    applicantPresent: z.boolean().optional(),
  }),
  // A credit officer's approve needs approvedAmount and termMonths (the workflow checks it: it knows the stage);
  // a manager approves the proposal as it stands or sends it back.
  'bank-approval': z
    .strictObject({
      outcome: z.enum([...OUTCOMES, 'send-back']),
      reason,
      approvedAmount: vnd.optional(),
      termMonths: months.optional(),
    })
    .superRefine(requireReason),
  disbursement: z
    .strictObject({
      outcome: Outcome,
      reason,
      amount: vnd.optional(),
      disbursedOn: IsoDate.optional(),
      transactionPoint: line(300).optional(),
    })
    .superRefine(requireReason)
    .superRefine(requireOnApprove(DISBURSEMENT_FIELDS)),
} as const;

export const ApplicationParams = z.object({ id: line(100) });
export const StepParams = z.object({ id: line(100), step: StepParam });
export const CodeParams = z.object({ code: line(100) });

export const ListApplicationsQuery = z.strictObject({
  ward: line(40).optional(),
  group: line(40).optional(),
  step: StepParam.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  /** A code (exact, any case), 12 digits (the citizen ID, exact) or part of the borrower's name, with or without diacritics. */
  q: line(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListApplicationsQuery = z.infer<typeof ListApplicationsQuery>;

const Username = z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, 'letters, digits, dot, dash or underscore (3-64)');
const Password = z
  .string()
  .min(8, 'at least 8 characters')
  .max(200)
  .refine((password) => password !== DEMO_PASSWORD, 'not the demo password, which everyone knows');
const code = line(40);

export const NewOfficerBody = z.strictObject({
  username: Username,
  displayName: line(200),
  email: z.email().max(254).optional(),
  role: z.enum(ROLES),
  wardCode: code.optional(),
  associationCode: code.optional(),
  groupCode: code.optional(),
  bankOfficeCode: code.optional(),
  citizenId: CitizenId.optional(),
  password: Password,
});

export const OfficerPatchBody = z.strictObject({
  displayName: line(200).optional(),
  email: z.email().max(254).nullable().optional(),
  role: z.enum(ROLES).optional(),
  wardCode: code.nullable().optional(),
  associationCode: code.nullable().optional(),
  groupCode: code.nullable().optional(),
  bankOfficeCode: code.nullable().optional(),
  citizenId: CitizenId.nullable().optional(),
});

export const PasswordResetBody = z.strictObject({ password: Password });
export const OfficerParams = z.object({ username: Username });
export const OfficersQuery = z.strictObject({ role: z.enum(ROLES).optional(), ward: code.optional() });

export const StatusQuery = z.strictObject({
  citizenIdLast4: z.string().regex(/^\d{4}$/, 'the last 4 digits of the citizen ID are required'),
});

export const AuditQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

export const GroupsQuery = z.strictObject({ ward: line(40).optional() });

export const WardParams = z.object({ ward: code });

const Flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const RegistryImportQuery = z.strictObject({
  /** The file's name, when no Content-Disposition header gives it; its extension helps tell CSV from TXT. */
  fileName: line(255).optional(),
  /** Report what the import would change, and change nothing. */
  dryRun: Flag,
});

export const RegistryExportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** The household list page: part of a household code or the head's name (with or without diacritics), or a citizen ID. */
export const RegistryListQuery = z.object({
  q: line(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type RegistryListQuery = z.infer<typeof RegistryListQuery>;

export const RegistryLookupQuery = z.strictObject({
  citizenId: CitizenId,
  /** The date the listing is judged on (default: today in Vietnam). */
  asOf: IsoDate.optional(),
});
