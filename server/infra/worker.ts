import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import type { Activities } from '../../activities/index.js';
import { requestIdActivityInterceptor } from './temporal-interceptors.js';

/** Under tsx the sources are .ts; in a build they are .js beside this file's own extension. */
const ownExtension = path.extname(fileURLToPath(import.meta.url));
export const WORKFLOWS_PATH = fileURLToPath(new URL(`../../workflows/index${ownExtension}`, import.meta.url));
/** Bundled with the workflows (a prebuilt bundle must list them too: bundleWorkflowCode's workflowInterceptorModules). */
export const WORKFLOW_INTERCEPTOR_MODULES = [
  fileURLToPath(new URL(`../../workflows/request-id-interceptors${ownExtension}`, import.meta.url)),
];

export interface LoanWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** A prebuilt bundle (tests build one per file); otherwise the worker bundles WORKFLOWS_PATH. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** The payload codec and failure converter (payload-codec.ts); a prebuilt bundle must name the same converter. */
  dataConverter: WorkerOptions['dataConverter'];
  /** How long in-flight activities may run on after shutdown begins. */
  shutdownGraceMs?: number;
}

export function createLoanWorker(options: LoanWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    dataConverter: options.dataConverter,
    ...(options.shutdownGraceMs !== undefined ? { shutdownGraceTime: options.shutdownGraceMs } : {}),
    // A prebuilt bundle already holds the workflow interceptors (bundled with WORKFLOW_INTERCEPTOR_MODULES).
    interceptors: {
      activity: [requestIdActivityInterceptor],
      ...(options.workflowBundle ? {} : { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
    },
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}
