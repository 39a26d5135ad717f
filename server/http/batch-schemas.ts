/** A batch's payloads (đợt: ward certification, entrustment, bank approval of a group's list; notice 04/TD). */
import { z } from 'zod';
import { BATCH_STEPS } from '../domain/batches/index.js';
import { RegistryCheckView } from './routes/registry.js';
import { HouseholdCategory, line, paragraphs } from './schemas.js';

export const BatchParams = z.object({ id: line(100) });

export const OpenBatchBody = z.strictObject({
  step: z.enum(BATCH_STEPS),
  /** The closed meeting whose list 03/TD the batch is made from. */
  meetingId: z.uuid().optional(),
});

const ExcludedOutcome = z.enum(['return', 'reject']);

const RowFields = z.strictObject({
  residenceConfirmed: z.boolean().optional(),
  listedCategory: HouseholdCategory.optional(),
  dossierComplete: z.boolean().optional(),
  comment: paragraphs(2000).optional(),
  approvedAmount: z.number().int().positive().max(1_000_000_000_000).optional(),
  termMonths: z.number().int().positive().max(600).optional(),
});

const RowEdit = z.strictObject({
  applicationId: z.uuid(),
  included: z.boolean().optional(),
  outcome: ExcludedOutcome.optional(),
  reason: paragraphs(2000).optional(),
  fields: RowFields.optional(),
});

const ConfirmationEdit = z.strictObject({
  applicationId: z.uuid(),
  confirmation: z.enum(['confirm', 'send-back']),
  reason: paragraphs(2000).optional(),
});

/** A draft save (the step's officer): the rows given change; or the manager's confirmations of the proposals. */
export const SaveBatchBody = z.strictObject({
  rows: z.array(RowEdit).max(1000).optional(),
  confirmations: z.array(ConfirmationEdit).max(1000).optional(),
});

const BatchStatus = z.enum(['DRAFT', 'SUBMITTING', 'SUBMITTED', 'CONFIRMING', 'CONFIRMED']);
const Refusal = z.object({ code: z.string(), message: z.string() }).nullable();
const Result = z.object({ outcome: z.string(), seq: z.number().int().nullable() }).nullable();

export const BatchView = z.object({
  id: z.string(),
  groupCode: z.string(),
  groupName: z.string(),
  wardCode: z.string(),
  associationCode: z.string(),
  step: z.enum(BATCH_STEPS),
  meetingId: z.string().nullable(),
  status: BatchStatus,
  openedBy: z.string(),
  openedAt: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  rows: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      applicationId: z.string(),
      applicationCode: z.string(),
      borrowerName: z.string(),
      householdCategory: z.string(),
      programCode: z.string(),
      amountRequested: z.number(),
      termMonths: z.number().int(),
      purpose: z.string(),
      status: z.string(),
      currentStep: z.string().nullable(),
      included: z.boolean(),
      outcome: ExcludedOutcome.nullable(),
      reason: z.string().nullable(),
      fields: z.object({
        residenceConfirmed: z.boolean().optional(),
        listedCategory: z.string().optional(),
        dossierComplete: z.boolean().optional(),
        comment: z.string().optional(),
        approvedAmount: z.number().optional(),
        termMonths: z.number().int().optional(),
      }),
      decided: Result,
      proposedBy: z.string().nullable(),
      failure: Refusal,
      confirmation: z.enum(['confirm', 'send-back']).nullable(),
      confirmReason: z.string().nullable(),
      confirmed: Result,
      confirmFailure: Refusal,
      /** The ward's batch, for the ward's officers: what its household list says beside the row. */
      registryCheck: RegistryCheckView.optional(),
    }),
  ),
});

export const BatchSummaryView = z.object({
  id: z.string(),
  step: z.enum(BATCH_STEPS),
  status: BatchStatus,
  meetingId: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  rows: z.number().int(),
});

const NoticeRow = { no: z.number().int(), applicationCode: z.string(), borrowerName: z.string() };

export const Notice04View = z.object({
  form: z.literal('04/TD'),
  batchId: z.string(),
  issuedOn: z.string(),
  bankOffice: z.string(),
  ward: z.object({ code: z.string(), name: z.string() }),
  group: z.object({ code: z.string(), name: z.string(), leaderName: z.string().nullable() }),
  association: z.object({ code: z.string(), name: z.string() }),
  transactionDay: z.string().nullable(),
  transactionPoint: z.string().nullable(),
  approved: z.array(
    z.object({
      ...NoticeRow,
      programCode: z.string(),
      programName: z.string(),
      amount: z.number(),
      annualRatePercent: z.string(),
      termMonths: z.number().int(),
      finalDueDate: z.string(),
    }),
  ),
  refused: z.array(z.object({ ...NoticeRow, outcome: ExcludedOutcome, reason: z.string() })),
  notDecided: z.array(z.object({ ...NoticeRow, code: z.string(), reason: z.string() })).optional(),
  total: z.object({ households: z.number().int(), amount: z.number() }),
  creditOfficerName: z.string().nullable(),
  managerName: z.string().nullable(),
});
