import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isErrorCode } from '../domain/error-codes.js';
import { AppError } from '../domain/errors.js';

/**
 * APPLICATION_ENDED made from Temporal's "not found". That answer names either the workflow (it has completed) or
 * the Update (the server no longer knows it, after a restart): `runUpdateOnce` tells them apart.
 */
class NotFoundByTemporal extends AppError {
  constructor() {
    super('APPLICATION_ENDED', 'The application has ended');
  }
}

export const isNotFoundByTemporal = (error: unknown): boolean => error instanceof NotFoundByTemporal;

/** Turns the workflow's typed refusals back into coded domain errors; anything else is rethrown. */
export function toAppError(error: unknown): unknown {
  if (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    isErrorCode(error.cause.type)
  ) {
    const detail = error.cause.details?.[0] as { field?: string } | undefined;
    const fields = detail?.field ? [{ path: detail.field, message: error.cause.message }] : [];
    return new AppError(error.cause.type, error.cause.message, fields);
  }
  if (error instanceof WorkflowNotFoundError) return new NotFoundByTemporal();
  if (error instanceof ServiceError) {
    const code = (error.cause as { code?: number } | undefined)?.code;
    // gRPC NOT_FOUND: the execution completed between our read of the status and the Update.
    if (code === 5) return new NotFoundByTemporal();
    // UNAVAILABLE / DEADLINE_EXCEEDED: Temporal cannot be reached right now; nothing was changed.
    if (code === 14 || code === 4) return new AppError('TEMPORAL_UNAVAILABLE', 'The workflow service is unavailable');
    // FAILED_PRECONDITION "Workflow Task in failed state": the workflow's task failed or timed out more than once in
    // a row (e.g. its answers lost in a Temporal restart), and Temporal refuses Updates until a retry of it completes.
    // The Update was not admitted, so nothing was changed and the same request may be sent again in a moment.
    if (code === 9 && isWorkflowTaskFailing(error)) {
      return new AppError('TEMPORAL_UNAVAILABLE', 'The workflow is recovering; try again in a moment');
    }
  }
  return error;
}

function isWorkflowTaskFailing(error: ServiceError): boolean {
  const details = (error.cause as { details?: unknown } | undefined)?.details;
  return typeof details === 'string' && /workflow task in failed state/i.test(details);
}

export async function translateWorkflowErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAppError(error);
  }
}
