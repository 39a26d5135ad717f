/** The OpenAPI entries of capital sources and programme priority (server/http/routes/capital.ts). */
import { z } from 'zod';
import {
  CapitalPlanView,
  CapitalSourceDetail,
  CapitalSourceView,
  ProgramCapitalPriorityView,
} from '../../domain/capital/views.js';
import {
  CapitalEntrustmentBody,
  CapitalPlanBody,
  CapitalPriorityBody,
  CapitalRecallBody,
  NewCapitalSourceBody,
} from '../routes/capital.js';
import type { Operation } from './operations.js';

export const CAPITAL_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/capital-sources',
    summary: 'Capital sources of your districts: capital, reserved, outstanding, available (officers)',
    auth: 'officer',
    response: z.array(CapitalSourceView),
  },
  {
    method: 'post',
    path: '/api/capital-sources',
    summary: 'Create a capital source: central (per programme) or local-budget entrusted (bank manager, admin)',
    auth: 'officer',
    body: NewCapitalSourceBody,
    response: CapitalSourceView,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/capital-sources/{code}',
    summary: 'A capital source with its figures, yearly plans and ledger (officers in scope)',
    auth: 'officer',
    response: CapitalSourceDetail,
  },
  {
    method: 'post',
    path: '/api/capital-sources/{code}/entrustments',
    summary: 'Record an entrustment or a top-up of capital, with the decision’s number (bank manager, admin)',
    auth: 'officer',
    body: CapitalEntrustmentBody,
    response: CapitalSourceDetail,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/capital-sources/{code}/recalls',
    summary: 'Recall capital, never more than is available: else 422 RECALL_EXCEEDS_AVAILABLE (bank manager, admin)',
    auth: 'officer',
    body: CapitalRecallBody,
    response: CapitalSourceDetail,
    status: 201,
  },
  {
    method: 'put',
    path: '/api/capital-sources/{code}/plans/{year}',
    summary: 'Set the yearly capital plan of a source for a programme (bank manager, admin)',
    auth: 'officer',
    body: CapitalPlanBody,
    response: CapitalPlanView,
  },
  {
    method: 'get',
    path: '/api/programs/{code}/capital-priority',
    summary: 'The order in which the programme draws on its capital sources (officers)',
    auth: 'officer',
    response: ProgramCapitalPriorityView,
  },
  {
    method: 'put',
    path: '/api/programs/{code}/capital-priority',
    summary:
      'Set the order in which the programme draws on the listed sources, first choice first (bank manager, admin)',
    auth: 'officer',
    body: CapitalPriorityBody,
    response: ProgramCapitalPriorityView,
  },
];
