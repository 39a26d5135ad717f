/** The audit trail of one application, as JSON or as CSV for export. Rows are only ever read here. */
import { z } from 'zod';
import type { PrismaClient } from '../../prisma/generated/client.js';
import { writeCsv } from './csv.js';

export const AuditEntryView = z.object({
  id: z.string(),
  seq: z.number().int().nullable(),
  type: z.string(),
  step: z.string().nullable(),
  actor: z.object({ username: z.string(), role: z.string(), scope: z.string().nullable() }),
  at: z.string(),
  /** What changed: the outcome, reason and fields of a decision, the changes of an amendment, the mail sent. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export async function readAuditTrail(prisma: PrismaClient, applicationId: string): Promise<AuditEntryView[]> {
  const rows = await prisma.auditEvent.findMany({
    where: { applicationId },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) =>
    AuditEntryView.parse({
      id: row.id.toString(),
      seq: row.seq,
      type: row.type,
      step: row.step,
      actor: { username: row.actorUsername, role: row.actorRole, scope: row.actorScope },
      at: row.occurredAt.toISOString(),
      details: row.data as Record<string, unknown>,
    }),
  );
}

const CSV_COLUMNS = [
  'at',
  'seq',
  'type',
  'step',
  'actor_username',
  'actor_role',
  'actor_scope',
  'outcome',
  'reason',
  'details',
];

/** Through the shared CSV writer: a reason like `=HYPERLINK(...)` comes out as text, not a formula. */
export function auditTrailCsv(entries: AuditEntryView[]): string {
  const records = entries.map((entry) => {
    const { outcome, reason, ...rest } = entry.details as { outcome?: unknown; reason?: unknown };
    return [
      entry.at,
      entry.seq ?? '',
      entry.type,
      entry.step ?? '',
      entry.actor.username,
      entry.actor.role,
      entry.actor.scope ?? '',
      typeof outcome === 'string' ? outcome : '',
      typeof reason === 'string' ? reason : '',
      JSON.stringify(rest),
    ];
  });
  return writeCsv(CSV_COLUMNS, records);
}
