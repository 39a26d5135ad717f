/**
 * Which sources a programme draws on for a ward, in order: the programme's own priority list when it has one,
 * otherwise local-budget capital first (the ward's own, then the district's), then central capital.
 */
import type { Prisma } from '../../../prisma/generated/client.js';

export interface SourceRef {
  id: string;
  code: string;
  kind: string;
  wardCode: string | null;
}

const KIND_ORDER: Record<string, number> = { local: 0, central: 1 };

function defaultOrder(a: SourceRef, b: SourceRef): number {
  const kind = (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9);
  if (kind !== 0) return kind;
  const ward = Number(a.wardCode === null) - Number(b.wardCode === null);
  return ward !== 0 ? ward : a.code.localeCompare(b.code);
}

/** The sources that may lend for this programme in this ward, first choice first. */
export async function sourcesInPriority(
  tx: Prisma.TransactionClient,
  programCode: string,
  wardCode: string,
): Promise<SourceRef[]> {
  const ward = await tx.ward.findUnique({ where: { code: wardCode }, select: { district: true } });
  if (!ward) return [];
  const sources = await tx.capitalSource.findMany({
    where: {
      district: ward.district,
      OR: [{ wardCode: null }, { wardCode }],
      AND: [{ OR: [{ programCode: null }, { programCode }] }],
    },
    select: { id: true, code: true, kind: true, wardCode: true, priorities: { where: { programCode } } },
  });
  const ranked = sources.filter((s) => s.priorities.length > 0);
  if (ranked.length === 0) return sources.sort(defaultOrder);
  // A programme that ranks its sources draws only on those it ranked.
  return ranked.sort((a, b) => (a.priorities[0]?.rank ?? 0) - (b.priorities[0]?.rank ?? 0));
}
