/** The OpenAPI document, generated from the same zod schemas that parse requests and shape responses. */
import { z } from 'zod';
import { STEP_NAMES } from '../workflows/domain.js';
import { MeView } from './routes/auth.js';
import { AssociationView, GroupView, ProgramView, WardView } from './routes/reference.js';
import {
  AmendApplicationBody,
  CreateApplicationBody,
  CreatedApplication,
  DecisionBodies,
  GroupsQuery,
  ListApplicationsQuery,
  LoginBody,
  LoginResponse,
  WithdrawBody,
} from './schemas.js';
import { StatusView } from './status-view.js';
import { ApplicationPage, ApplicationView } from './views.js';

interface Operation {
  method: 'get' | 'post' | 'patch';
  path: string;
  summary: string;
  auth: 'officer' | 'none' | 'officer-or-applicant';
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
}

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const OPERATIONS: Operation[] = [
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
    summary: 'List applications (paged)',
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
    summary: 'Amend a returned application',
    auth: 'officer-or-applicant',
    body: AmendApplicationBody,
    response: ApplicationView,
  },
  {
    method: 'post',
    path: '/api/applications/{id}/withdraw',
    summary: 'Withdraw before disbursement',
    auth: 'officer-or-applicant',
    body: WithdrawBody,
    response: ApplicationView,
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
    method: 'get',
    path: '/api/status/{code}',
    summary: "The applicant's view of their application",
    auth: 'none',
    response: StatusView,
  },
];

function parametersOf(op: Operation): unknown[] {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryParams = op.query
    ? Object.entries(op.query.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
      }))
    : [];
  return [...pathParams, ...queryParams];
}

const json = (schema: z.ZodType, io: 'input' | 'output') => ({
  'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) },
});

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const success = String(op.status ?? 200);
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.auth === 'officer' ? { security: [{ bearer: [] }] } : {}),
      ...(op.auth === 'officer-or-applicant' ? { security: [{ bearer: [] }, {}] } : {}),
      parameters: parametersOf(op),
      ...(op.body ? { requestBody: { required: true, content: json(op.body, 'input') } } : {}),
      responses: {
        [success]: { description: 'Success', ...(op.response ? { content: json(op.response, 'output') } : {}) },
        default: { description: 'Error (400, 401, 403, 404, 409, 422)', content: json(ErrorBody, 'output') },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Policy-loan approval API', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
