import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { failPermanently } from '../../activities/failures.js';
import { Prisma } from '../../prisma/generated/client.js';

describe('a permanent activity failure', () => {
  it('reaches the workflow history as the activity and the code, never with what the query held', async () => {
    const env = new MockActivityEnvironment();
    const invalid = new Prisma.PrismaClientValidationError(
      'Invalid `prisma.application.upsert()` invocation: { borrowerName: "Nguyễn Văn Ánh", borrowerCitizenId: "034185001234" }',
      { clientVersion: Prisma.prismaVersion.client },
    );

    const failure = await env
      .run(() =>
        failPermanently('recordEvent', () => {
          throw invalid;
        }),
      )
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'PERMANENT_ACTIVITY_FAILURE', nonRetryable: true });
    expect((failure as ApplicationFailure).message).toBe('recordEvent failed permanently');
    expect((failure as ApplicationFailure).cause).toBeUndefined();
  });

  it('lets a transient failure through to be retried', async () => {
    const env = new MockActivityEnvironment();
    const lost = new Error('Connection terminated unexpectedly');

    const failure = await env.run(() => failPermanently('recordEvent', () => Promise.reject(lost))).catch((e) => e);

    expect(failure).toBe(lost);
  });
});
