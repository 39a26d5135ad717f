/**
 * The ward household registry in the database: load a ward's list, apply what an import changes in one
 * transaction, and say what the list says about a citizen. Parsing and comparing are in `./registry/` (pure).
 */
import type { Prisma, PrismaClient } from '../../../prisma/generated/client.js';
import { toVietnamDate } from '../../../workflows/calendar/working-days.js';
import type { HouseholdCategory } from '../../../workflows/domain.js';
import { scopeOf } from '../access.js';
import type { Officer } from '../sessions.js';
import { diffRegistry, type RegistryDiff, type RegistryHousehold, type RegistryMember } from './index.js';

type Db = PrismaClient | Prisma.TransactionClient;

/** An import error as the API reports it: `row` is null for a conflict found in the registry, not in the file. */
export interface ImportError {
  row: number | null;
  sheet?: string;
  column?: string;
  householdId?: string;
  code: string;
  message: string;
}

export interface ImportFile {
  fileName: string;
  sha256: string;
  format: string;
  encoding: string | null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Registry households of the ward the file does not mention: an import never removes them. */
  missing: number;
  rejectedRows: number;
  errors: ImportError[];
}

/** Long enough for a ward's whole list; Prisma's 5 s default would cut a large import short. */
const IMPORT_TRANSACTION = { maxWait: 60_000, timeout: 10 * 60_000 };
const AUDIT_LIST_LIMIT = 1000;

const registryInclude = {
  members: { where: { fromRegistry: true }, orderBy: [{ birthDate: 'asc' }, { fullName: 'asc' }] },
} satisfies Prisma.HouseholdInclude;
type RegistryRow = Prisma.HouseholdGetPayload<{ include: typeof registryInclude }>;

const isoDay = (date: Date | null): string => (date === null ? '' : date.toISOString().slice(0, 10));
const dateOf = (day: string): Date => new Date(`${day}T00:00:00Z`);

function toRegistryHousehold(row: RegistryRow): RegistryHousehold {
  return {
    wardCode: row.wardCode,
    householdId: row.registryCode ?? '',
    village: row.village,
    category: (row.listedCategory ?? row.category) as HouseholdCategory,
    listedOn: isoDay(row.listedOn),
    expiresOn: isoDay(row.expiresOn),
    head: { fullName: row.headName, citizenId: row.headCitizenId, birthDate: isoDay(row.headBirthDate) },
    members: row.members.map((m): RegistryMember => ({
      fullName: m.fullName,
      citizenId: m.citizenId,
      birthDate: isoDay(m.birthDate),
      relationship: m.relationship,
    })),
  };
}

/** The ward's list, ordered by household code; members oldest first. */
export async function loadRegistry(db: Db, wardCode: string): Promise<RegistryHousehold[]> {
  const rows = await db.household.findMany({
    where: { wardCode, registryCode: { not: null } },
    include: registryInclude,
    orderBy: { registryCode: 'asc' },
  });
  return rows.map(toRegistryHousehold);
}

interface Target {
  incoming: RegistryHousehold;
  kind: 'create' | 'adopt' | 'update';
  /** The row it writes: a registry household, an application's household it adopts, or none yet. */
  existing: { id: string; headCitizenId: string } | null;
  membersChanged: boolean;
}

interface Plan {
  diff: RegistryDiff;
  targets: Target[];
  conflicts: ImportError[];
  rejectedRows: number;
}

/**
 * What the import will write. A household created by an application (no Mã hộ) is adopted by the listed
 * household with the same head. A listed household whose head already heads another household of the ward
 * that the import leaves as it is, is refused: the database keeps one household per head and ward.
 */
async function planImport(db: Db, wardCode: string, incoming: readonly RegistryHousehold[]): Promise<Plan> {
  const [existing, rows] = await Promise.all([
    loadRegistry(db, wardCode),
    db.household.findMany({ where: { wardCode }, select: { id: true, registryCode: true, headCitizenId: true } }),
  ]);
  const diff = diffRegistry(existing, incoming);
  const byCode = new Map(rows.filter((r) => r.registryCode !== null).map((r) => [r.registryCode, r]));
  const unlistedByHead = new Map(rows.filter((r) => r.registryCode === null).map((r) => [r.headCitizenId, r]));
  const targets: Target[] = [
    ...diff.update.map(({ before, after, changes }): Target => ({
      incoming: after,
      kind: 'update',
      existing: byCode.get(before.householdId) ?? null,
      membersChanged: changes.includes('members'),
    })),
    ...diff.create.map((after): Target => {
      const adopted = unlistedByHead.get(after.head.citizenId) ?? null;
      return { incoming: after, kind: adopted ? 'adopt' : 'create', existing: adopted, membersChanged: true };
    }),
  ];

  const rejected = new Set<Target>();
  for (let changed = true; changed;) {
    changed = false;
    const rewritten = new Set(targets.flatMap((t) => (rejected.has(t) || !t.existing ? [] : [t.existing.id])));
    const heads = new Map(rows.filter((r) => !rewritten.has(r.id)).map((r) => [r.headCitizenId, r]));
    for (const target of targets) {
      if (rejected.has(target) || !heads.has(target.incoming.head.citizenId)) continue;
      rejected.add(target);
      changed = true;
    }
  }
  return {
    diff,
    targets: targets.filter((t) => !rejected.has(t)),
    conflicts: [...rejected].map((t) => conflictError(t, rows)),
    rejectedRows: [...rejected].reduce((n, t) => n + 1 + t.incoming.members.length, 0),
  };
}

function conflictError(
  { incoming: h, existing }: Target,
  rows: readonly { id: string; registryCode: string | null; headCitizenId: string }[],
): ImportError {
  const other = rows.find((r) => r.headCitizenId === h.head.citizenId && r.id !== existing?.id)?.registryCode;
  const vi = other
    ? `hộ có Mã hộ "${other}" trong danh sách của phường`
    : 'một hộ khác của phường (đã khai trong hồ sơ vay)';
  const en = other ? `household "${other}" on the ward's list` : 'another household of the ward (from an application)';
  return {
    row: null,
    householdId: h.householdId,
    code: 'HEAD_CONFLICT',
    message:
      `Chủ hộ có CCCD ${h.head.citizenId} đã là chủ ${vi}; hộ "${h.householdId}" không được nhập. — ` +
      `The head's citizen id ${h.head.citizenId} already heads ${en}; household "${h.householdId}" is not imported.`,
  };
}

function householdData(h: RegistryHousehold) {
  return {
    registryCode: h.householdId,
    village: h.village,
    category: h.category,
    listedCategory: h.category,
    headName: h.head.fullName,
    headCitizenId: h.head.citizenId,
    headBirthDate: dateOf(h.head.birthDate),
    listedOn: dateOf(h.listedOn),
    expiresOn: dateOf(h.expiresOn),
  };
}

const memberData = (m: RegistryMember) => ({
  fullName: m.fullName,
  citizenId: m.citizenId,
  birthDate: dateOf(m.birthDate),
  relationship: m.relationship,
  fromRegistry: true,
});

/** Registry members replace the listed ones, and take over a member an application declared with the same id. */
async function replaceMembers(tx: Prisma.TransactionClient, householdId: string, h: RegistryHousehold) {
  const ids = h.members.flatMap((m) => (m.citizenId === null ? [] : [m.citizenId]));
  await tx.householdMember.deleteMany({
    where: { householdId, OR: [{ fromRegistry: true }, { citizenId: { in: ids } }] },
  });
  await tx.householdMember.createMany({ data: h.members.map((m) => ({ householdId, ...memberData(m) })) });
}

async function writeTargets(tx: Prisma.TransactionClient, wardCode: string, targets: readonly Target[]) {
  // Heads may move between households within one file: park the moving ones first so no write collides.
  for (const { existing, incoming } of targets) {
    if (existing && existing.headCitizenId !== incoming.head.citizenId) {
      await tx.household.update({ where: { id: existing.id }, data: { headCitizenId: `~${existing.id}` } });
    }
  }
  for (const t of targets) {
    if (!t.existing) {
      await tx.household.create({
        data: {
          wardCode,
          ...householdData(t.incoming),
          members: { createMany: { data: t.incoming.members.map(memberData) } },
        },
      });
      continue;
    }
    await tx.household.update({ where: { id: t.existing.id }, data: householdData(t.incoming) });
    if (t.membersChanged) await replaceMembers(tx, t.existing.id, t.incoming);
  }
}

function countsOf(plan: Plan, parseErrors: readonly ImportError[], rejectedRows: number): ImportCounts {
  return {
    created: plan.targets.filter((t) => t.kind !== 'update').length,
    updated: plan.targets.filter((t) => t.kind === 'update').length,
    unchanged: plan.diff.unchanged,
    missing: plan.diff.missing.length,
    rejectedRows: rejectedRows + plan.rejectedRows,
    errors: [...parseErrors, ...plan.conflicts],
  };
}

export interface ImportInput {
  wardCode: string;
  officer: Officer;
  file: ImportFile;
  households: readonly RegistryHousehold[];
  /** Errors the parser reported, and the data rows it left out. */
  parseErrors: readonly ImportError[];
  rejectedRows: number;
  dryRun: boolean;
}

/**
 * Applies an import in one transaction (households, members, the import record and its audit event), with the
 * ward row locked so two imports of one ward run one after the other. A dry run writes nothing.
 */
export async function importRegistry(prisma: PrismaClient, input: ImportInput): Promise<ImportCounts> {
  const { wardCode, officer, file } = input;
  if (input.dryRun) {
    return countsOf(await planImport(prisma, wardCode, input.households), input.parseErrors, input.rejectedRows);
  }
  return prisma.$transaction(async (tx) => {
    // NO KEY UPDATE: imports of one ward queue behind each other, while submissions (whose rows only
    // reference the ward) carry on.
    await tx.$queryRaw`SELECT code FROM wards WHERE code = ${wardCode} FOR NO KEY UPDATE`;
    const plan = await planImport(tx, wardCode, input.households);
    await writeTargets(tx, wardCode, plan.targets);
    const counts = countsOf(plan, input.parseErrors, input.rejectedRows);
    const { missing: _missing, errors, ...numbers } = counts;
    const record = await tx.registryImport.create({
      data: {
        wardCode,
        ...file,
        importedBy: officer.username,
        ...numbers,
        errors: errors as unknown as Prisma.InputJsonValue,
      },
    });
    const codes = (kinds: Target['kind'][]) =>
      plan.targets.filter((t) => kinds.includes(t.kind)).map((t) => t.incoming.householdId);
    await tx.auditEvent.create({
      data: {
        eventId: `registry-import:${record.id}`,
        type: 'REGISTRY_IMPORTED',
        actorUsername: officer.username,
        actorRole: officer.role,
        actorScope: scopeOf(officer),
        data: {
          importId: record.id,
          wardCode,
          ...file,
          ...numbers,
          errorCount: errors.length,
          createdHouseholds: codes(['create', 'adopt']).slice(0, AUDIT_LIST_LIMIT),
          updatedHouseholds: codes(['update']).slice(0, AUDIT_LIST_LIMIT),
        },
        occurredAt: record.importedAt,
      },
    });
    return counts;
  }, IMPORT_TRANSACTION);
}

export interface CitizenListing {
  citizenId: string;
  asOf: string;
  found: boolean;
  role: 'head' | 'member' | null;
  household: RegistryHousehold | null;
  /** The listing covers `asOf`: listed on or before it, and not expired. */
  active: boolean;
  /** `asOf` is after the listing's expiry date. */
  expired: boolean;
}

/** The date in Vietnam today, as the registry judges listings. */
export const registryToday = (): string => toVietnamDate(Date.now());

/** What the ward's list says about a citizen id, as of a date (YYYY-MM-DD). */
export async function findListing(db: Db, wardCode: string, citizenId: string, asOf: string): Promise<CitizenListing> {
  const listed = { wardCode, registryCode: { not: null } };
  // Someone listed in two households is reported where they are the head.
  const row =
    (await db.household.findFirst({ where: { ...listed, headCitizenId: citizenId }, include: registryInclude })) ??
    (await db.household.findFirst({
      where: { ...listed, members: { some: { citizenId, fromRegistry: true } } },
      include: registryInclude,
      orderBy: { registryCode: 'asc' },
    }));
  if (!row) return { citizenId, asOf, found: false, role: null, household: null, active: false, expired: false };
  const household = toRegistryHousehold(row);
  const expired = asOf > household.expiresOn;
  return {
    citizenId,
    asOf,
    found: true,
    role: household.head.citizenId === citizenId ? 'head' : 'member',
    household,
    active: !expired && household.listedOn <= asOf,
    expired,
  };
}
