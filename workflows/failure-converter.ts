/**
 * Failure messages and stack traces can quote what a borrower typed, so they travel as an encoded payload (and
 * the payload codec encrypts it) instead of in clear. Loaded by path in the workflow sandbox and by the worker.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
