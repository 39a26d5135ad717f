/**
 * The request id crosses into Temporal: the client puts the current HTTP request's id in the header of
 * every call that reaches a workflow, and the activity interceptor puts the id it received on the
 * activity's log lines (workflows/request-id-interceptors.ts carries it from one to the other).
 */
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { requestIdOf, withRequestId } from '../../workflows/request-id.js';
import { currentRequestId } from './request-context.js';

export function requestIdClientInterceptor(): WorkflowClientInterceptor {
  const stamp = <T extends { headers: Record<string, unknown> }>(input: T): T => ({
    ...input,
    headers: withRequestId(input.headers as Parameters<typeof withRequestId>[0], currentRequestId()),
  });
  return {
    start: (input, next) => next(stamp(input)),
    startWithDetails: (input, next) => next(stamp(input)),
    startUpdate: (input, next) => next(stamp(input)),
    startUpdateWithStart: (input, next) =>
      next({
        ...input,
        workflowStartHeaders: withRequestId(input.workflowStartHeaders, currentRequestId()),
        updateHeaders: withRequestId(input.updateHeaders, currentRequestId()),
      }),
    signal: (input, next) => next(stamp(input)),
    signalWithStart: (input, next) => next(stamp(input)),
  };
}

/** Puts the request id of the workflow call that led to this activity on the activity's log lines. */
export const requestIdActivityInterceptor: ActivityInterceptorsFactory = () => {
  let requestId: string | undefined;
  return {
    inbound: {
      execute(input, next) {
        requestId = requestIdOf(input.headers);
        return next(input);
      },
    },
    outbound: {
      getLogAttributes(input, next) {
        return next(requestId === undefined ? input : { ...input, requestId });
      },
    },
  };
};
