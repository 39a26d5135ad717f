import { moveCapital } from '../server/domain/capital/ledger.js';
import type { Prisma } from './generated/client.js';

/**
 * The demo district's capital: local-budget capital the district entrusts (lends for every programme, drawn on
 * first) and central capital for the poor-household programme. Enough for every demo walk-through and test.
 */
const SOURCES = [
  {
    code: 'NSDP-KIENXUONG',
    name: 'Vốn ngân sách huyện Kiến Xương ủy thác',
    kind: 'local',
    programCode: null,
    capital: 50_000_000_000n,
    decisionNumber: '125/QĐ-UBND',
  },
  {
    code: 'TW-KIENXUONG-POOR',
    name: 'Vốn Trung ương cho vay hộ nghèo – huyện Kiến Xương',
    kind: 'central',
    programCode: 'POOR',
    capital: 200_000_000_000n,
    decisionNumber: '48/QĐ-NHCS',
  },
] as const;

const SEEDED_ON = '2026-01-05';

export async function seedCapitalSources(tx: Prisma.TransactionClient, district: string): Promise<void> {
  for (const { capital, decisionNumber, ...source } of SOURCES) {
    const created = await tx.capitalSource.create({ data: { ...source, district, createdBy: 'seed' } });
    await moveCapital(tx, {
      sourceId: created.id,
      kind: 'entrust',
      amount: capital,
      on: SEEDED_ON,
      key: `seed:${source.code}`,
      actor: 'seed',
      decisionNumber,
    });
  }
}
