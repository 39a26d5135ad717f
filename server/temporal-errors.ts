import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError } from './errors.js';

/** Turns the workflow's typed refusals back into coded domain errors; anything else is rethrown. */
export function toAppError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type) {
    const detail = error.cause.details?.[0] as { field?: string } | undefined;
    const fields = detail?.field ? [{ path: detail.field, message: error.cause.message }] : [];
    return new AppError(error.cause.type, error.cause.message, fields);
  }
  if (error instanceof WorkflowNotFoundError) {
    return new AppError('APPLICATION_ENDED', 'The application has ended');
  }
  return error;
}

export async function translateWorkflowErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAppError(error);
  }
}
