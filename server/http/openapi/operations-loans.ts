/** The OpenAPI entries of the loan book (server/http/routes/loans.ts). */
import { LoanActionResult, LoanDetailView, LoanPage } from '../../domain/loans/loan-views.js';
import {
  ExtensionBody,
  InterestBatchBody,
  InterestBatchResult,
  InterestDueView,
  InterestQuery,
  ListLoansQuery,
  LoanQuery,
  PaymentBody,
  UseCheckBody,
} from '../routes/loans.js';
import type { Operation } from './operations.js';

export const LOAN_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/loans',
    summary: 'Disbursed loans in my scope, newest first (filters: status, overdue, ward, group, programme)',
    auth: 'officer',
    query: ListLoansQuery,
    response: LoanPage,
  },
  {
    method: 'get',
    path: '/api/loans/{id}',
    summary: 'One loan: schedule, months of interest, payments, overdue instalments, events and what is owed on a date',
    auth: 'officer',
    query: LoanQuery,
    response: LoanDetailView,
  },
  {
    method: 'post',
    path: '/api/loans/{id}/principal-payments',
    summary:
      'A payment at the transaction point: overdue interest, interest arrears, overdue principal, then the next instalment (bank credit officer)',
    auth: 'officer',
    body: PaymentBody,
    response: LoanActionResult,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/loans/{id}/early-repayment',
    summary: 'Repay the whole outstanding today; the amount must be the payoff (bank credit officer)',
    auth: 'officer',
    body: PaymentBody,
    response: LoanActionResult,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/loans/{id}/extensions',
    summary:
      "Extend an instalment not yet overdue, with the ward chair's comment and the bank's decision (bank manager)",
    auth: 'officer',
    body: ExtensionBody,
    response: LoanActionResult,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/loans/{id}/use-check',
    summary:
      'The mass organisation’s check of how the loan is used, due 30 days after disbursement (association officer)',
    auth: 'officer',
    body: UseCheckBody,
    response: LoanActionResult,
  },
  {
    method: 'get',
    path: '/api/groups/{group}/interest-collections',
    summary: "The group's loans with interest due in a month (group leader; bank officers of the office)",
    auth: 'officer',
    query: InterestQuery,
    response: InterestDueView,
  },
  {
    method: 'post',
    path: '/api/groups/{group}/interest-collections',
    summary: 'The interest the group leader collected in a month (receipt 01/BL), one batch, once per loan and month',
    auth: 'officer',
    body: InterestBatchBody,
    response: InterestBatchResult,
    status: 201,
  },
];
