import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../../../prisma/generated/client.js';

/** What a use case needs to reach an application's workflow: the read model, the Temporal client, the queue. */
export interface WorkflowDeps {
  prisma: PrismaClient;
  client: Client;
  taskQueue: string;
}
