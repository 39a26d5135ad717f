/** The OpenAPI document, generated from the operation list and the same zod schemas that parse requests. */
import { z } from 'zod';
import { IDEMPOTENCY_HEADER } from '../middleware/idempotency.js';
import { ErrorBody, OPERATIONS, type Operation } from './operations.js';

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
  return withoutDialect(generated) as Record<string, unknown>;
}

/** OpenAPI 3.0 schema objects have no `$schema` keyword, at any depth. */
function withoutDialect(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDialect);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$schema')
      .map(([key, item]) => [key, withoutDialect(item)]),
  );
}

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
        schema: schemaOf(schema as z.ZodType, 'input'),
      }))
    : [];
  const headerParams =
    op.method === 'post'
      ? [
          {
            name: IDEMPOTENCY_HEADER,
            in: 'header',
            required: false,
            description: 'A retry with the same key gets the first answer back (24 hours); see the README.',
            schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7E]+$' },
          },
        ]
      : [];
  return [...pathParams, ...queryParams, ...headerParams];
}

const json = (schema: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: schemaOf(schema, io) } });

const binary = (types: readonly string[]) =>
  Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));

/** `post /api/applications/{id}/steps/group-vote/decision` → `postApplicationsByIdStepsGroupVoteDecision`. */
function operationIdOf(op: Operation): string {
  const words = op.path
    .replace(/^\/api\//, '/')
    .split(/[/-]/)
    .filter(Boolean)
    .map((word) => word.replace(/^\{(\w+)\}$/, 'by-$1').replace(/\./g, '-'))
    .flatMap((word) => word.split('-'))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${op.method}${words.join('')}`;
}

const SECURITY: Record<Operation['auth'], unknown[]> = {
  none: [],
  officer: [{ bearer: [] }],
  'officer-or-applicant': [{ bearer: [] }, {}],
  'metrics-token': [{ metricsToken: [] }],
};

/** Answered 429 past a per-address limit (see AppDeps.rateLimits): logins, and every proof by citizen ID. */
const RATE_LIMITED: ReadonlySet<string> = new Set([
  'post /api/auth/login',
  'get /api/status/{code}',
  'patch /api/applications/{id}',
  'post /api/applications/{id}/withdraw',
]);
/**
 * Where the general rule is wrong: a login answers 401 to wrong credentials, and neither 409 nor 422 (its
 * answer is never kept under an Idempotency-Key, and no rule judges it).
 */
const REFUSALS_OF: Readonly<Record<string, readonly number[]>> = {
  'post /api/auth/login': [400, 401, 413, 429],
  'get /metrics': [400, 401, 404],
};
/** Run through the application's workflow: 503 while Temporal does not answer. */
const touchesWorkflow = (op: Operation): boolean => op.method !== 'get' && op.path.startsWith('/api/applications');

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (fields name what is wrong)',
  401: 'Not logged in (no valid bearer token), or wrong credentials',
  403: 'This officer may not do this',
  404: 'No such resource, or not visible to this caller',
  409: 'In conflict with the current state (or the same Idempotency-Key is still in flight)',
  413: 'The body is too large',
  415: 'Not a file type this endpoint reads',
  422: 'A rule of the programme or step refuses it (or the Idempotency-Key was used for another request)',
  429: 'Too many requests from this address; see Retry-After',
  503: 'The workflow engine does not answer, or the workflow is recovering from a failed task; try again after Retry-After',
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function refusalsOf(op: Operation): readonly number[] {
  const special = REFUSALS_OF[`${op.method} ${op.path}`];
  if (special) return special;
  const writes = op.method !== 'get';
  return [
    400,
    ...(op.auth === 'none' ? [] : [401, 403]),
    ...(op.path.includes('{') ? [404] : []),
    ...(writes ? [409] : []),
    ...(op.body || op.upload ? [413] : []),
    ...(op.upload ? [415] : []),
    ...(writes ? [422] : []),
    ...(RATE_LIMITED.has(`${op.method} ${op.path}`) ? [429] : []),
    ...(touchesWorkflow(op) ? [503] : []),
  ];
}

/** The refusals an operation can answer, each with the shared Error body. */
function errorResponsesOf(op: Operation): Record<string, unknown> {
  return Object.fromEntries(
    refusalsOf(op).map((status) => [String(status), errorResponse(ERROR_DESCRIPTIONS[status] ?? 'Refused')]),
  );
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Set<string>();
  for (const op of OPERATIONS) {
    const success = String(op.status ?? 200);
    let operationId = operationIdOf(op);
    for (let n = 2; operationIds.has(operationId); n += 1) operationId = `${operationIdOf(op)}${n}`;
    operationIds.add(operationId);
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId,
      summary: op.summary,
      security: SECURITY[op.auth],
      parameters: parametersOf(op),
      ...(op.body ? { requestBody: { required: true, content: json(op.body, 'input') } } : {}),
      ...(op.upload ? { requestBody: { required: true, content: binary(op.upload) } } : {}),
      responses: {
        [success]: {
          description: 'Success',
          // A route can answer JSON or, on request, a file (?format=pdf): both media types are listed.
          ...(op.response || op.download
            ? {
                content: {
                  ...(op.response ? json(op.response, 'output') : {}),
                  ...(op.download ? binary(op.download) : {}),
                },
              }
            : {}),
        },
        ...errorResponsesOf(op),
        default: errorResponse('Unexpected error (500, no details)'),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Policy-loan approval API', version: '0.1.0' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN (see Running in production)' },
      },
      schemas: { Error: schemaOf(ErrorBody, 'output') },
    },
    paths,
  };
}
