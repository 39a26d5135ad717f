/**
 * Workflow interceptors (registered in the worker's `interceptors.workflowModules`): the request id of the
 * call that started the workflow, or of the latest update or signal it handled, goes on the workflow's log
 * lines and into the header of every activity it schedules. Deterministic: the ids come from history.
 */
import type {
  ActivateInput,
  ActivityInput,
  LocalActivityInput,
  Next,
  UpdateInput,
  SignalInput,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { requestIdOf, withRequestId } from './request-id.js';

export const interceptors = (): WorkflowInterceptors => {
  // One per workflow execution: the factory runs once in each workflow's isolate context.
  let requestId: string | undefined;
  const remember = (headers: WorkflowExecuteInput['headers'] | null | undefined): void => {
    if (headers) requestId = requestIdOf(headers) ?? requestId;
  };

  // Read from the activation before the SDK's own handlers run, so its "Workflow started" line has the id too.
  const internals: WorkflowInternalsInterceptor = {
    activate(input: ActivateInput, next: Next<WorkflowInternalsInterceptor, 'activate'>) {
      for (const job of input.activation.jobs ?? []) {
        remember(job.initializeWorkflow?.headers as WorkflowExecuteInput['headers'] | undefined);
        remember(job.doUpdate?.headers as WorkflowExecuteInput['headers'] | undefined);
        remember(job.signalWorkflow?.headers as WorkflowExecuteInput['headers'] | undefined);
      }
      next(input);
    },
  };

  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) {
      remember(input.headers);
      return next(input);
    },
    handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>) {
      remember(input.headers);
      return next(input);
    },
    handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>) {
      remember(input.headers);
      return next(input);
    },
  };

  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
      return next({ ...input, headers: withRequestId(input.headers, requestId) });
    },
    scheduleLocalActivity(
      input: LocalActivityInput,
      next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>,
    ) {
      return next({ ...input, headers: withRequestId(input.headers, requestId) });
    },
    getLogAttributes(input, next) {
      return next(requestId === undefined ? input : { ...input, requestId });
    },
  };

  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
