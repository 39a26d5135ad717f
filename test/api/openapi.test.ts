/**
 * The served /openapi.json is a valid OpenAPI 3.0 document (checked by a real validator), and it says for each
 * operation who may call it and which refusals it can answer.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let doc: OpenAPIV3.Document;

beforeAll(async () => {
  stack = await startStack();
  doc = (await stack.api<OpenAPIV3.Document>('GET', '/openapi.json')).body;
});

afterAll(async () => {
  await stack?.close();
});

function operations(): { method: string; path: string; op: OpenAPIV3.OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({ method, path, op: op as OpenAPIV3.OperationObject })),
  );
}

const operation = (method: string, path: string) =>
  operations().find((o) => o.method === method && o.path === path)?.op as OpenAPIV3.OperationObject;
const refusals = (op: OpenAPIV3.OperationObject) => Object.keys(op.responses).filter((status) => /^4|^5/.test(status));

describe('the OpenAPI document', () => {
  it('passes a real OpenAPI 3.0 validator', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('embeds no JSON Schema dialect keyword', () => {
    expect(JSON.stringify(doc)).not.toContain('$schema');
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operation('post', '/api/applications/{id}/steps/group-vote/decision').operationId).toBe(
      'postApplicationsByIdStepsGroupVoteDecision',
    );
  });

  it('says which operations need a bearer token, and which an applicant may call without one', () => {
    expect(doc.components?.securitySchemes?.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(operations().every(({ op }) => Array.isArray(op.security))).toBe(true);
    expect(operation('post', '/api/auth/login').security).toEqual([]);
    expect(operation('post', '/api/applications').security).toEqual([]);
    expect(operation('get', '/api/inbox').security).toEqual([{ bearer: [] }]);
    expect(operation('post', '/api/applications/{id}/withdraw').security).toEqual([{ bearer: [] }, {}]);
  });

  it('lists the refusals each operation can answer, each with the shared Error body', () => {
    for (const { method, path, op } of operations()) {
      const where = `${method} ${path}`;
      expect(op.responses['400'], where).toBeDefined();
      if (path.includes('{')) expect(op.responses['404'], where).toBeDefined();
      if (op.security?.some((requirement) => 'bearer' in requirement)) {
        expect(op.responses, where).toHaveProperty('401');
        expect(op.responses, where).toHaveProperty('403');
      }
      for (const status of refusals(op)) {
        const content = (op.responses[status] as OpenAPIV3.ResponseObject).content?.['application/json'];
        expect(content?.schema, `${where} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(refusals(operation('post', '/api/applications/{id}/steps/bank-approval/decision'))).toEqual(
      expect.arrayContaining(['401', '403', '404', '409', '422', '503']),
    );
    expect(refusals(operation('post', '/api/auth/login'))).toEqual(expect.arrayContaining(['401', '429']));
    expect(refusals(operation('get', '/api/status/{code}'))).toEqual(expect.arrayContaining(['404', '429']));
    // Amend and withdraw share the status lookup's limit on proofs by citizen ID.
    expect(refusals(operation('patch', '/api/applications/{id}'))).toEqual(expect.arrayContaining(['404', '429']));
    expect(refusals(operation('post', '/api/applications/{id}/withdraw'))).toEqual(
      expect.arrayContaining(['404', '429']),
    );
    expect(doc.components?.schemas?.Error).toMatchObject({ type: 'object', required: ['error'] });
  });

  it('documents the refusals the server actually answers', async () => {
    const answers = [
      ['get', '/api/inbox', await stack.api('GET', '/api/inbox')],
      [
        'get',
        '/api/applications/{id}',
        await stack.api('GET', '/api/applications/x', {
          token: await stack.login('bank.officer'),
        }),
      ],
      [
        'post',
        '/api/auth/login',
        await stack.api('POST', '/api/auth/login', { body: { username: 'x', password: 'y' } }),
      ],
      ['post', '/api/applications', await stack.api('POST', '/api/applications', { body: {} })],
    ] as const;
    for (const [method, path, answer] of answers) {
      expect(refusals(operation(method, path)), `${method} ${path}`).toContain(String(answer.status));
    }
  });
});
