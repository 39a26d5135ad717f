/** Every operation the API serves, with the zod schemas of its parameters, body and answer. */
import { z } from 'zod';
import { STEP_NAMES } from '../../../workflows/domain.js';
import { AuditEntryView } from '../../domain/audit.js';
import { OfficerView } from '../../domain/officers.js';
import { AdminGroupView, MemberView } from '../../domain/groups-admin.js';
import { AdminWardView, BankOfficeView } from '../../domain/reference-admin.js';
import { CalendarYearBody } from '../routes/admin.js';
import { MeView } from '../routes/auth.js';
import {
  PDF_TYPE,
  TransactionDayListQuery,
  TransactionDayQuery,
  TransactionDayView,
  XLSX_TYPE,
} from '../routes/forms.js';
import { ClearDebtBody, DebtQuery, DebtView, NewDebtBody } from '../routes/debts.js';
import { NewProgramBody, ProgramDefinition } from '../routes/programs-admin.js';
import {
  BankOfficePatchBody,
  GroupPatchBody,
  MemberPatchBody,
  NewBankOfficeBody,
  NewGroupBody,
  NewMemberBody,
  NewWardBody,
  WardAssociationsBody,
  WardPatchBody,
} from '../routes/reference-admin.js';
import {
  AssociationView,
  CalendarDayView,
  CalendarQuery,
  GroupView,
  ProgramView,
  WardView,
} from '../routes/reference.js';
import {
  REGISTRY_MEDIA_TYPES,
  RegistryCheckView,
  RegistryImportResult,
  RegistryListingView,
} from '../routes/registry.js';
import {
  AmendApplicationBody,
  AuditQuery,
  CreateApplicationBody,
  CreatedApplication,
  DecisionBodies,
  GroupsQuery,
  ListApplicationsQuery,
  LoginBody,
  LoginResponse,
  NewOfficerBody,
  OfficerPatchBody,
  OfficersQuery,
  PasswordResetBody,
  RegistryExportQuery,
  RegistryImportQuery,
  RegistryLookupQuery,
  WithdrawBody,
} from '../schemas.js';
import { CarriedOverView, CarryOverBody, CloseDayBody, ClosedDayView } from '../routes/carry-overs.js';
import { StatusView } from '../views/status-view.js';
import { CodecPayloads } from '../routes/codec.js';
import { OPERATIONS_ROUTES } from './operations-routes.js';
import { LOAN_OPERATIONS } from './operations-loans.js';
import { CAPITAL_OPERATIONS } from './operations-capital.js';
import { REPORT_OPERATIONS } from './operations-reports.js';
import {
  List03View,
  MeetingSummaryView,
  MeetingView,
  MinutesView,
  OpenMeetingBody,
  SaveMeetingBody,
} from '../meeting-schemas.js';
import { BatchSummaryView, BatchView, Notice04View, OpenBatchBody, SaveBatchBody } from '../batch-schemas.js';
import { AccessLogPage, AccessLogQuery } from '../../domain/access-log.js';
import { ApplicationPage, ApplicationView, InboxView } from '../views/application-view.js';

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  summary: string;
  auth: 'officer' | 'none' | 'officer-or-applicant' | 'metrics-token';
  body?: z.ZodType;
  /** A file as the body, in one of these media types. */
  upload?: readonly string[];
  query?: z.ZodObject;
  response?: z.ZodType;
  /** A file as the answer, in one of these media types. */
  download?: readonly string[];
  status?: number;
}

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** The eligibility or step rules that refused the request, each with a bilingual message. */
    rules: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })).optional(),
  }),
});

/** What the applicant's own actions answer: the applicant sees the status view, an officer acting for them the full one. */
const ApplicantOrOfficerView = z.union([StatusView, ApplicationView]);

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in; returns a bearer token',
    auth: 'none',
    body: LoginBody,
    response: LoginResponse,
  },
  { method: 'post', path: '/api/auth/logout', summary: 'Revoke the current token', auth: 'officer', status: 204 },
  { method: 'get', path: '/api/auth/me', summary: 'The logged-in officer', auth: 'officer', response: MeView },
  {
    method: 'get',
    path: '/api/programs',
    summary: 'Loan programmes (newest version of each)',
    auth: 'none',
    response: z.array(ProgramView),
  },
  {
    method: 'get',
    path: '/api/wards',
    summary: 'Wards and their transaction points',
    auth: 'none',
    response: z.array(WardView),
  },
  {
    method: 'get',
    path: '/api/associations',
    summary: 'Mass organisations',
    auth: 'none',
    response: z.array(AssociationView),
  },
  {
    method: 'get',
    path: '/api/groups',
    summary: 'Savings and loan groups',
    auth: 'none',
    query: GroupsQuery,
    response: z.array(GroupView),
  },
  {
    method: 'post',
    path: '/api/applications',
    summary: 'Submit form 01/TD',
    auth: 'none',
    body: CreateApplicationBody,
    response: CreatedApplication,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/applications',
    summary: 'List applications (paged; q searches a code, a citizen ID or the borrower’s name)',
    auth: 'officer',
    query: ListApplicationsQuery,
    response: ApplicationPage,
  },
  {
    method: 'get',
    path: '/api/applications/{id}',
    summary: 'One application with its full history',
    auth: 'officer',
    response: ApplicationView,
  },
  {
    method: 'patch',
    path: '/api/applications/{id}',
    summary:
      'Amend a returned application (the applicant gets the status view; an officer on their behalf, the full view)',
    auth: 'officer-or-applicant',
    body: AmendApplicationBody,
    response: ApplicantOrOfficerView,
  },
  {
    method: 'post',
    path: '/api/applications/{id}/withdraw',
    summary:
      'Withdraw before disbursement (the applicant gets the status view; an officer on their behalf, the full view)',
    auth: 'officer-or-applicant',
    body: WithdrawBody,
    response: ApplicantOrOfficerView,
  },
  ...STEP_NAMES.flatMap((step): Operation[] => [
    {
      method: 'post',
      path: `/api/applications/{id}/steps/${step}/start`,
      summary: `Take step ${step}`,
      auth: 'officer',
      response: ApplicationView,
    },
    {
      method: 'post',
      path: `/api/applications/{id}/steps/${step}/decision`,
      summary: `Record the decision of step ${step}`,
      auth: 'officer',
      body: DecisionBodies[step],
      response: ApplicationView,
    },
  ]),
  {
    method: 'post',
    path: '/api/wards/{ward}/registry/import',
    summary: "Import the ward's household list (CSV or XLSX, as the file's bytes; the ward's own officers only)",
    auth: 'officer',
    upload: REGISTRY_MEDIA_TYPES,
    query: RegistryImportQuery,
    response: RegistryImportResult,
  },
  {
    method: 'get',
    path: '/api/wards/{ward}/registry/export',
    summary: "Export the ward's household list in the import format (the ward's own officers only)",
    auth: 'officer',
    query: RegistryExportQuery,
    download: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  },
  {
    method: 'get',
    path: '/api/wards/{ward}/registry/households',
    summary: "What the ward's household list says about a citizen id (the ward's own officers only)",
    auth: 'officer',
    query: RegistryLookupQuery,
    response: RegistryListingView,
  },
  {
    method: 'get',
    path: '/api/applications/{id}/registry-check',
    summary: "What the ward's list says about the applicant, with a pre-filled ward-verification decision",
    auth: 'officer',
    response: RegistryCheckView,
  },
  {
    method: 'get',
    path: '/api/status/{code}',
    summary: "The applicant's view of their application",
    auth: 'none',
    response: StatusView,
  },
  {
    method: 'get',
    path: '/health',
    summary: 'Whether Temporal and the database answer (200, else 503)',
    auth: 'none',
    response: z.object({
      status: z.enum(['ok', 'degraded']),
      database: z.enum(['up', 'down']),
      temporal: z.enum(['up', 'down']),
    }),
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', auth: 'none' },
  ...OPERATIONS_ROUTES,
  ...LOAN_OPERATIONS,
  ...CAPITAL_OPERATIONS,
  ...REPORT_OPERATIONS,
  {
    method: 'get',
    path: '/api/inbox',
    summary: 'What waits on me, oldest first',
    auth: 'officer',
    response: InboxView,
  },
  {
    method: 'get',
    path: '/api/applications/{id}/audit',
    summary: 'The audit trail (add ?format=csv for a CSV export)',
    auth: 'officer',
    query: AuditQuery,
    response: z.object({ code: z.string(), entries: z.array(AuditEntryView) }),
  },
  {
    method: 'get',
    path: '/api/applications/{id}/forms/01-td.pdf',
    summary: 'Form 01/TD (loan request and capital-use plan) as PDF, with the bank block once approved',
    auth: 'officer',
    download: [PDF_TYPE],
  },
  {
    method: 'get',
    path: '/api/transaction-days',
    summary: "A transaction day's disbursement list at one ward's point (bank officers of its office); format=pdf|xlsx",
    auth: 'officer',
    query: TransactionDayListQuery,
    response: TransactionDayView,
    download: [PDF_TYPE, XLSX_TYPE],
  },
  {
    method: 'get',
    path: '/api/transaction-days/posting-list.pdf',
    summary: "A transaction day's public posting list (borrowers, amounts, rates, due dates) as PDF",
    auth: 'officer',
    query: TransactionDayQuery,
    download: [PDF_TYPE],
  },
  {
    method: 'post',
    path: '/api/transaction-days/carry-overs',
    summary:
      "Not disbursed today: moves one row to the ward's next transaction day with a reason (exactly once per row and day)",
    auth: 'officer',
    body: CarryOverBody,
    response: CarriedOverView,
  },
  {
    method: 'post',
    path: '/api/transaction-days/close',
    summary: "Closes a transaction day: every row not disbursed moves to the ward's next transaction day",
    auth: 'officer',
    body: CloseDayBody,
    response: ClosedDayView,
  },
  {
    method: 'get',
    path: '/api/calendar',
    summary: 'Holidays and make-up working days of a year',
    auth: 'none',
    query: CalendarQuery,
    response: z.array(CalendarDayView),
  },
  {
    method: 'put',
    path: '/api/admin/calendar/{year}',
    summary: "Replace a year's calendar (admin)",
    auth: 'officer',
    body: CalendarYearBody,
  },
  {
    method: 'get',
    path: '/api/admin/officers',
    summary: 'Officer accounts (admin)',
    auth: 'officer',
    query: OfficersQuery,
    response: z.array(OfficerView),
  },
  {
    method: 'post',
    path: '/api/admin/officers',
    summary: 'Create an officer (admin)',
    auth: 'officer',
    body: NewOfficerBody,
    response: OfficerView,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/admin/officers/{username}',
    summary: 'Change role, scope or profile (admin)',
    auth: 'officer',
    body: OfficerPatchBody,
    response: OfficerView,
  },
  {
    method: 'post',
    path: '/api/admin/officers/{username}/disable',
    summary: 'Disable an account (admin)',
    auth: 'officer',
    response: OfficerView,
  },
  {
    method: 'post',
    path: '/api/admin/officers/{username}/enable',
    summary: 'Enable an account (admin)',
    auth: 'officer',
    response: OfficerView,
  },
  {
    method: 'post',
    path: '/api/admin/officers/{username}/reset-password',
    summary: 'Set a new password (admin)',
    auth: 'officer',
    body: PasswordResetBody,
    response: OfficerView,
  },
  {
    method: 'get',
    path: '/api/admin/bank-offices',
    summary: 'Bank transaction offices and the wards they serve (admin)',
    auth: 'officer',
    response: z.array(BankOfficeView),
  },
  {
    method: 'post',
    path: '/api/admin/bank-offices',
    summary: 'Create a bank transaction office (admin)',
    auth: 'officer',
    body: NewBankOfficeBody,
    response: BankOfficeView,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/admin/bank-offices/{code}',
    summary: 'Rename a bank transaction office (admin)',
    auth: 'officer',
    body: BankOfficePatchBody,
    response: BankOfficeView,
  },
  {
    method: 'get',
    path: '/api/admin/wards',
    summary: 'Wards with their bank office and mass organisations (admin)',
    auth: 'officer',
    response: z.array(AdminWardView),
  },
  {
    method: 'post',
    path: '/api/admin/wards',
    summary: 'Create a ward: kind (phường or xã), transaction point and day, bank office (admin)',
    auth: 'officer',
    body: NewWardBody,
    response: AdminWardView,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/admin/wards/{code}',
    summary: 'Change a ward; moving it to another bank office moves its loan files and debts (admin)',
    auth: 'officer',
    body: WardPatchBody,
    response: AdminWardView,
  },
  {
    method: 'put',
    path: '/api/admin/wards/{code}/associations',
    summary: 'Set the mass organisations operating in a ward (admin)',
    auth: 'officer',
    body: WardAssociationsBody,
    response: AdminWardView,
  },
  {
    method: 'post',
    path: '/api/admin/groups',
    summary: 'Create a savings and loan group in a ward, under an association operating there (admin)',
    auth: 'officer',
    body: NewGroupBody,
    response: AdminGroupView,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/admin/groups/{code}',
    summary: "Change a group's name or village (admin)",
    auth: 'officer',
    body: GroupPatchBody,
    response: AdminGroupView,
  },
  {
    method: 'get',
    path: '/api/admin/groups/{code}/members',
    summary: 'Members of a group, including those who left (admin)',
    auth: 'officer',
    response: z.array(MemberView),
  },
  {
    method: 'post',
    path: '/api/admin/groups/{code}/members',
    summary: 'Add a member to a group (admin)',
    auth: 'officer',
    body: NewMemberBody,
    response: MemberView,
    status: 201,
  },
  {
    method: 'patch',
    path: '/api/admin/groups/{code}/members/{memberId}',
    summary: 'Change a member: role, name, or mark them as having left (leftOn) (admin)',
    auth: 'officer',
    body: MemberPatchBody,
    response: MemberView,
  },
  {
    method: 'post',
    path: '/api/admin/programs',
    summary: 'Create a programme (admin)',
    auth: 'officer',
    body: NewProgramBody,
    status: 201,
  },
  {
    method: 'put',
    path: '/api/admin/programs/{code}',
    summary: 'Add a version of a programme (admin)',
    auth: 'officer',
    body: ProgramDefinition,
  },
  {
    method: 'get',
    path: '/api/admin/programs/{code}/versions',
    summary: 'All versions of a programme (admin)',
    auth: 'officer',
  },
  {
    method: 'get',
    path: '/api/overdue-debts',
    summary: "A person's overdue debt (bank)",
    auth: 'officer',
    query: DebtQuery,
    response: z.array(DebtView),
  },
  {
    method: 'post',
    path: '/api/overdue-debts',
    summary: 'Record overdue debt (bank)',
    auth: 'officer',
    body: NewDebtBody,
    response: DebtView,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/overdue-debts/{id}/clear',
    summary: 'Request clearing overdue debt with a reason, or confirm another officer’s request (bank, four eyes)',
    auth: 'officer',
    body: ClearDebtBody,
    response: DebtView,
  },
  {
    method: 'get',
    path: '/api/admin/access-log',
    summary: 'Who read which citizen’s file, when and through which view, newest first (admin)',
    auth: 'officer',
    query: AccessLogQuery,
    response: AccessLogPage,
  },
  {
    method: 'post',
    path: '/api/codec/decode',
    summary:
      'Temporal Web UI codec server: decrypt payloads (admin; bearer token or the web session cookie, CORS for the UI)',
    auth: 'officer',
    body: CodecPayloads,
    response: CodecPayloads,
  },
  {
    method: 'post',
    path: '/api/codec/encode',
    summary: 'Temporal Web UI codec server: encrypt payloads with the active key (admin)',
    auth: 'officer',
    body: CodecPayloads,
    response: CodecPayloads,
  },
  {
    method: 'get',
    path: '/api/groups/{group}/meetings',
    summary: "A group's review meetings (bình xét), newest first",
    auth: 'officer',
    response: z.array(MeetingSummaryView),
  },
  {
    method: 'post',
    path: '/api/groups/{group}/meetings',
    summary: "Open a review meeting; its agenda is the group's applications waiting at the group vote (group leader)",
    auth: 'officer',
    body: OpenMeetingBody,
    response: MeetingView,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/meetings/{id}',
    summary: 'A review meeting: members present, agenda, recusals, ballots and, once closed, the results',
    auth: 'officer',
    response: MeetingView,
  },
  {
    method: 'patch',
    path: '/api/meetings/{id}',
    summary: 'Save the draft: details, members present, the whole set of ballots (group leader; 409 once closed)',
    auth: 'officer',
    body: SaveMeetingBody,
    response: MeetingView,
  },
  {
    method: 'post',
    path: '/api/meetings/{id}/agenda',
    summary: "Refresh the draft's agenda from the applications waiting at the group vote (group leader)",
    auth: 'officer',
    response: MeetingView,
  },
  {
    method: 'post',
    path: '/api/meetings/{id}/close',
    summary: 'Close the meeting: decides each agenda item’s group vote from its ballots, exactly once (group leader)',
    auth: 'officer',
    response: MeetingView,
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/minutes',
    summary: 'Minutes 10C/TD of a closed meeting, as data',
    auth: 'officer',
    response: MinutesView,
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/list',
    summary: 'List 03/TD of a closed meeting: the households proposed, and those not proposed with why',
    auth: 'officer',
    response: List03View,
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/minutes.pdf',
    summary: 'Minutes 10C/TD of a closed meeting as PDF (409 MEETING_NOT_CLOSED before the close)',
    auth: 'officer',
    download: [PDF_TYPE],
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/list.pdf',
    summary: 'List 03/TD of a closed meeting as PDF, with the ward certification block',
    auth: 'officer',
    download: [PDF_TYPE],
  },
  {
    method: 'get',
    path: '/api/meetings/{id}/list.xlsx',
    summary: 'List 03/TD of a closed meeting as a worksheet (amounts as numbers, a totals row)',
    auth: 'officer',
    download: [XLSX_TYPE],
  },
  {
    method: 'get',
    path: '/api/groups/{group}/batches',
    summary: "A group's batches (ward certification, entrustment, bank approval), newest first",
    auth: 'officer',
    response: z.array(BatchSummaryView),
  },
  {
    method: 'post',
    path: '/api/groups/{group}/batches',
    summary:
      "Open a batch of the group's applications waiting at a step, or of a closed meeting's list 03/TD (the step's officer)",
    auth: 'officer',
    body: OpenBatchBody,
    response: BatchView,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/batches/{id}',
    summary: "A batch: its rows with each one's result; the ward's batch with the registry check beside every row",
    auth: 'officer',
    response: BatchView,
  },
  {
    method: 'patch',
    path: '/api/batches/{id}',
    summary: "Save the draft's rows (the step's officer), or the manager's confirmations of the proposals",
    auth: 'officer',
    body: SaveBatchBody,
    response: BatchView,
  },
  {
    method: 'post',
    path: '/api/batches/{id}/submit',
    summary: "Decide every row through the application's own Updates, exactly once; safe to retry",
    auth: 'officer',
    response: BatchView,
  },
  {
    method: 'post',
    path: '/api/batches/{id}/confirm',
    summary:
      'Confirm (or send back) each proposal of a bank-approval batch, exactly once; mails notice 04/TD (manager)',
    auth: 'officer',
    response: BatchView,
  },
  {
    method: 'get',
    path: '/api/batches/{id}/notice',
    summary: 'Notice 04/TD of a confirmed batch, as data (409 before the confirmation)',
    auth: 'officer',
    response: Notice04View,
  },
  {
    method: 'get',
    path: '/api/batches/{id}/notice.pdf',
    summary: 'Notice 04/TD of a confirmed batch as PDF (409 BATCH_NOT_CONFIRMED before the confirmation)',
    auth: 'officer',
    download: [PDF_TYPE],
  },
  {
    method: 'get',
    path: '/api/batches/{id}/notice.xlsx',
    summary: 'Notice 04/TD of a confirmed batch as a workbook: the loans approved, and the rows not approved',
    auth: 'officer',
    download: [XLSX_TYPE],
  },
];

/** The options every embedded schema is generated with: OpenAPI 3.0's dialect of JSON Schema. */
