/**
 * The read model's queries at volume, through the use cases the API and the pages call: the inbox of each
 * officer kind, the filtered and searched list, and the applicant's status lookup. Each query runs against the
 * largest scopes in the data (the worst case), in turn, `runs` times after a warm-up; then each is captured once
 * and every statement it sent is EXPLAINed (ANALYZE, BUFFERS) with its own parameters.
 */
import type { PrismaClient } from '../../prisma/generated/client.js';
import { readInbox } from '../../server/domain/inbox.js';
import { listApplications, type ApplicationFilter } from '../../server/domain/applications/list-applications.js';
import { lookupStatus } from '../../server/domain/applications/status-lookup.js';
import type { Officer } from '../../server/domain/sessions.js';
import type { Role } from '../../workflows/domain.js';
import { percentile } from './measure.js';
import type { ObservedDatabase } from './volume-database.js';

export const GOAL_MS = 50;
const SCOPES = 10;
const WARM_UP = 5;

export interface QueryFigure {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  /** Rows the use case answered on its last run (the inbox's items, the list's total, the lookup's events). */
  rows: number;
}

export interface QueryPlan {
  name: string;
  statements: { sql: string; plan: string }[];
  /** Indexes the plans scan, and the tables any of them reads whole. */
  indexes: string[];
  seqScans: string[];
  /** The database's own time for all of them (EXPLAIN ANALYZE's execution times, summed). */
  databaseMs: number;
  /** The same statements sent again in turn through the driver alone, `runs` times: what Prisma adds is the rest. */
  sqlP50: number;
  sqlP99: number;
}

/** The largest scopes of each kind, each list ordered by its applications, largest first. */
interface Scopes {
  wards: string[];
  /** The largest group of each of `wards`, same order (the list's group filter). */
  groupOfWard: string[];
  associations: { ward: string; association: string }[];
  groups: string[];
  bankOffices: string[];
}

interface Sample {
  code: string;
  citizenId: string;
  ward: string;
  bankOffice: string;
}

interface Query {
  name: string;
  run(turn: number): Promise<number>;
}

const officer = (role: Role, scope: Partial<Officer>): Officer => ({
  id: '00000000-0000-4000-8000-0000000000be',
  username: `${role}.bench`,
  displayName: role,
  role,
  wardCode: null,
  associationCode: null,
  groupCode: null,
  bankOfficeCode: null,
  citizenId: null,
  ...scope,
});

/** The largest wards, associations within a ward, groups and bank offices, by their applications. */
async function largestScopes(prisma: PrismaClient): Promise<Scopes> {
  const top = async (sql: string) => (await prisma.$queryRawUnsafe<{ key: string }[]>(sql)).map((row) => row.key);
  const [wards, associations, groups, bankOffices] = await Promise.all([
    top(`SELECT ward_code AS key FROM applications GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${SCOPES}`),
    top(`SELECT ward_code || ' ' || association_code AS key FROM applications GROUP BY ward_code, association_code
         ORDER BY count(*) DESC, 1 LIMIT ${SCOPES}`),
    top(`SELECT group_code AS key FROM applications GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${SCOPES}`),
    top(`SELECT w.bank_office_code AS key FROM applications a JOIN wards w ON w.code = a.ward_code
         GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${SCOPES}`),
  ]);
  const groupOfWard = await Promise.all(
    wards.map(async (ward) => {
      const [group] = await prisma.$queryRawUnsafe<{ key: string }[]>(
        `SELECT group_code AS key FROM applications WHERE ward_code = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
        ward,
      );
      return group!.key;
    }),
  );
  return {
    wards,
    groupOfWard,
    associations: associations.map((key) => {
      const [ward, association] = key.split(' ') as [string, string];
      return { ward, association };
    }),
    groups,
    bankOffices,
  };
}

async function sampleApplications(prisma: PrismaClient, total: number): Promise<Sample[]> {
  const percent = Math.min(100, (100 * 400) / total);
  return prisma.$queryRawUnsafe<Sample[]>(
    `SELECT a.code, a.borrower_citizen_id AS "citizenId", a.ward_code AS ward, w.bank_office_code AS "bankOffice"
     FROM applications a TABLESAMPLE BERNOULLI (${percent}) REPEATABLE (12) JOIN wards w ON w.code = a.ward_code
     LIMIT 200`,
  );
}

function queries(prisma: PrismaClient, scopes: Scopes, samples: Sample[]): Query[] {
  const turnOf =
    <T>(items: T[]) =>
    (turn: number) =>
      items[turn % items.length]!;
  const sample = turnOf(samples);
  const inbox = (name: string, role: Role, pick: (turn: number) => Partial<Officer>): Query => ({
    name,
    run: async (turn) => (await readInbox(prisma, officer(role, pick(turn)))).length,
  });
  const list = (
    name: string,
    role: Role,
    pick: (turn: number) => Partial<Officer>,
    filter: (turn: number) => Partial<ApplicationFilter>,
  ): Query => ({
    name,
    run: async (turn) =>
      (await listApplications(prisma, officer(role, pick(turn)), { page: 1, pageSize: 20, ...filter(turn) })).total,
  });
  const ward = (turn: number) => ({ wardCode: turnOf(scopes.wards)(turn) });
  const bank = (turn: number) => ({ bankOfficeCode: turnOf(scopes.bankOffices)(turn) });
  const association = (turn: number) => {
    const scope = turnOf(scopes.associations)(turn);
    return { wardCode: scope.ward, associationCode: scope.association };
  };
  /** A ward of the bank office's own (the largest office's largest ward is the first ward, and so on). */
  const bankAndWard = async (turn: number) => {
    const bankOfficeCode = turnOf(scopes.bankOffices)(turn);
    const [first] = await prisma.$queryRawUnsafe<{ code: string }[]>(
      'SELECT code FROM wards WHERE bank_office_code = $1 ORDER BY code LIMIT 1',
      bankOfficeCode,
    );
    return { bankOfficeCode, wardCode: first!.code };
  };
  return [
    inbox('inbox: ward officer', 'ward_officer', ward),
    inbox('inbox: association officer', 'association_officer', association),
    inbox('inbox: group leader', 'group_leader', (turn) => ({ groupCode: turnOf(scopes.groups)(turn) })),
    inbox('inbox: bank credit officer', 'bank_credit_officer', bank),
    inbox('inbox: bank manager', 'bank_manager', bank),
    list('list: ward, page 1', 'ward_officer', ward, () => ({})),
    list('list: ward, page 25', 'ward_officer', ward, () => ({ page: 25 })),
    list('list: ward, step + status', 'ward_officer', ward, () => ({
      step: 'ward-verification',
      status: 'IN_PROGRESS',
    })),
    list('list: ward, group filter', 'ward_officer', ward, (turn) => ({ group: turnOf(scopes.groupOfWard)(turn) })),
    list('list: bank office, page 1', 'bank_credit_officer', bank, () => ({})),
    list('list: bank office, page 50', 'bank_credit_officer', bank, () => ({ page: 50 })),
    {
      name: 'list: bank office, ward filter',
      run: async (turn) => {
        const { bankOfficeCode, wardCode } = await bankAndWard(turn);
        const filter = { ward: wardCode, page: 1, pageSize: 20 };
        return (await listApplications(prisma, officer('bank_credit_officer', { bankOfficeCode }), filter)).total;
      },
    },
    list('list: bank office, status DISBURSED', 'bank_credit_officer', bank, () => ({ status: 'DISBURSED' })),
    list('list: bank office, step bank-approval', 'bank_manager', bank, () => ({ step: 'bank-approval' })),
    list(
      'list: search code (ward)',
      'ward_officer',
      (turn) => ({ wardCode: sample(turn).ward }),
      (turn) => ({ q: sample(turn).code.toLowerCase() }),
    ),
    list(
      'list: search citizen ID (bank)',
      'bank_credit_officer',
      (turn) => ({ bankOfficeCode: sample(turn).bankOffice }),
      (turn) => ({ q: sample(turn).citizenId }),
    ),
    list('list: search "Nguyễn Văn Ánh" (ward)', 'ward_officer', ward, () => ({ q: 'Nguyễn Văn Ánh' })),
    list('list: search "nguyen van anh" (bank)', 'bank_credit_officer', bank, () => ({ q: 'nguyen van anh' })),
    list('list: search "thi hoa" (bank)', 'bank_credit_officer', bank, () => ({ q: 'thi hoa' })),
    list('list: search "Lò" + page 2 (bank)', 'bank_credit_officer', bank, () => ({ q: 'Lò', page: 2 })),
    {
      name: 'status lookup',
      run: async (turn) => {
        const { code, citizenId } = sample(turn);
        return (await lookupStatus(prisma, code, citizenId.slice(-4))).auditEvents.length;
      },
    },
  ];
}

/** Index names a plan scans, and the tables it reads with a sequential scan. */
export function planUse(plan: string): { indexes: string[]; seqScans: string[] } {
  const indexes = [...plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) "?([\w.]+)"?/g)];
  const seqScans = [...plan.matchAll(/Seq Scan on "?([\w.]+)"?/g)];
  const names = (matches: RegExpMatchArray[]) => [...new Set(matches.map((m) => m[1]!))].sort();
  return { indexes: names(indexes), seqScans: names(seqScans) };
}

export async function measureQueries(
  observed: ObservedDatabase,
  options: { runs: number; total: number; print: (line: string) => void },
): Promise<{ figures: QueryFigure[]; plans: QueryPlan[] }> {
  const { prisma } = observed.db;
  const scopes = await largestScopes(prisma);
  const samples = await sampleApplications(prisma, options.total);
  if (scopes.wards.length === 0 || samples.length === 0) throw new Error('no applications to query');
  const all = queries(prisma, scopes, samples);
  const figures: QueryFigure[] = [];
  options.print(
    `\nQueries: ${options.runs} runs each after ${WARM_UP} warm-up runs, over the ${SCOPES} largest scopes of each kind in turn`,
  );
  for (const query of all) {
    for (let turn = 0; turn < WARM_UP; turn += 1) await query.run(turn);
    const times: number[] = [];
    let rows = 0;
    for (let turn = 0; turn < options.runs; turn += 1) {
      const started = performance.now();
      rows = await query.run(turn);
      times.push(performance.now() - started);
    }
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p)) as [number, number, number];
    figures.push({ name: query.name, runs: options.runs, p50, p95, p99, rows });
    const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
    options.print(
      `${query.name.padEnd(40)} n=${options.runs}  p50 ${ms(p50)}  p95 ${ms(p95)}  p99 ${ms(p99)}  rows ${String(rows).padStart(7)}  ${p99 < GOAL_MS ? 'meets' : 'MISSES'} p99 < ${GOAL_MS} ms`,
    );
  }
  const plans: QueryPlan[] = [];
  for (const query of all) {
    const statements = [];
    for (const statement of await observed.capture(() => query.run(0)))
      statements.push({ ...statement, plan: await observed.explain(statement) });
    const text = statements.map((s) => s.plan).join('\n');
    const use = planUse(text);
    const databaseMs = [...text.matchAll(/Execution Time: ([\d.]+) ms/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const sqlTimes: number[] = [];
    for (let turn = 0; turn < options.runs; turn += 1) {
      const started = performance.now();
      for (const statement of statements) await observed.replay(statement);
      sqlTimes.push(performance.now() - started);
    }
    const [sqlP50, sqlP99] = [50, 99].map((p) => percentile(sqlTimes, p)) as [number, number];
    plans.push({ name: query.name, statements, ...use, databaseMs, sqlP50, sqlP99 });
    options.print(
      `\n=== ${query.name}: ${statements.length} statements, ${databaseMs.toFixed(2)} ms in the database; indexes ${use.indexes.join(', ') || 'none'}; sequential scans ${use.seqScans.join(', ') || 'none'}`,
    );
    for (const { sql, args, plan } of statements) {
      options.print(`-- ${sql.replace(/\s+/g, ' ')}`);
      options.print(
        `-- parameters ${JSON.stringify(args, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}`,
      );
      options.print(plan);
    }
  }
  options.print(
    `\nThe same statements (of the largest scope), replayed through the driver alone, ${options.runs} times each:`,
  );
  for (const plan of plans)
    options.print(
      `${plan.name.padEnd(40)} sql p50 ${plan.sqlP50.toFixed(1).padStart(6)} ms  p99 ${plan.sqlP99.toFixed(1).padStart(6)} ms  database ${plan.databaseMs.toFixed(2).padStart(7)} ms (EXPLAIN ANALYZE)`,
    );
  return { figures, plans };
}
