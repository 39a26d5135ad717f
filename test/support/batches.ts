import { expect } from 'vitest';
import { runStep, submit } from './fixtures.js';
import type { TestStack } from './stack.js';

/**
 * A batch of group HOABINH-01 with one fresh application (JOB_CREATION: the brief's order, ward first), opened
 * by the step's officer: at ward verification, or at bank approval with its proposal submitted (`submitted`),
 * or confirmed by the manager (`confirmed`).
 */
export async function batchOf(
  stack: TestStack,
  stage: 'ward-draft' | 'bank-submitted' | 'bank-confirmed',
): Promise<string> {
  const app = await submit(stack, { programCode: 'JOB_CREATION' });
  if (stage === 'ward-draft') return openBatch(stack, 'ward.HOABINH', 'ward-verification');
  for (const step of ['ward-verification', 'entrustment', 'group-vote'] as const) await runStep(stack, app.id, step);
  const id = await openBatch(stack, 'bank.officer', 'bank-approval');
  const submitted = await stack.api('POST', `/api/batches/${id}/submit`, { token: await stack.login('bank.officer') });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  if (stage === 'bank-submitted') return id;
  const confirmed = await stack.api('POST', `/api/batches/${id}/confirm`, { token: await stack.login('bank.manager') });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return id;
}

async function openBatch(stack: TestStack, username: string, step: string): Promise<string> {
  const opened = await stack.api('POST', '/api/groups/HOABINH-01/batches', {
    token: await stack.login(username),
    body: { step },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return opened.body.id as string;
}
