import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '../prisma/generated/client.js';
import type { ReserveCapitalArgs } from '../workflows/definitions.js';
import { reserveCapital as reserve } from '../server/domain/capital/reservations.js';
import { AppError } from '../server/domain/errors.js';
import { failPermanently } from './failures.js';

/** The refusals the workflow passes on to the bank's confirmation as they are. */
export const CAPITAL_REFUSALS = ['INSUFFICIENT_CAPITAL', 'APPLICATION_ENDED', 'AWAITING_AMENDMENT'] as const;
const REFUSALS: ReadonlySet<string> = new Set(CAPITAL_REFUSALS);

/**
 * Reserves the approved amount of an application from its programme's sources (idempotent per application).
 * No source has enough: a non-retryable failure of type INSUFFICIENT_CAPITAL, which the workflow answers the
 * bank's confirmation with; the shortfall is already on the application row for the officers to read.
 */
export async function reserveCapital(prisma: PrismaClient, args: ReserveCapitalArgs): Promise<{ sourceCode: string }> {
  return failPermanently('reserveCapital', async () => {
    try {
      return await reserve(prisma, args);
    } catch (error) {
      if (error instanceof AppError && REFUSALS.has(error.code)) {
        throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
      }
      throw error;
    }
  });
}
