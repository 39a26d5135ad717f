/**
 * The request id of the HTTP request being served, held for the async work it starts: the logger's mixin
 * reads it for every line, and the Temporal client interceptor puts it in the header of every workflow call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
