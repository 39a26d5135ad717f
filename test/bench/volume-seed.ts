/**
 * The volume benchmark's data, generated inside the database (INSERT … SELECT over generate_series, no row
 * crosses the wire): wards grouped under bank offices, ten savings groups per ward, one household and one
 * application per index, and a history of audit events per application. Every value derives from the index by
 * hashint8extended, so two runs at one scale store the same rows. Distributions:
 * - wards are skewed (ward = ⌊W·u^1.2⌋): the first wards and their bank offices are the big ones;
 * - statuses 45 % in progress (over every step; bank approval half proposed), 35 % disbursed, 8 % rejected,
 *   5 % returned, 7 % withdrawn; a quarter of the open steps held by an officer;
 * - Vietnamese names of 3 or 4 words with diacritics, one in ten typed without, folded as foldText does;
 * - 2 to 18 events per application (10 on average), submitted over three years.
 * The secondary indexes and foreign keys of the three big tables are dropped for the load and recreated
 * from their own definitions after it, in the same transaction: a failed load leaves the schema as it was.
 */
import type { PrismaClient } from '../../prisma/generated/client.js';
import { STEP_NAMES } from '../../workflows/domain.js';
import { foldText } from '../../server/domain/text.js';

/** Every ward, group and bank office the benchmark writes has a code starting with this. */
export const VOLUME_PREFIX = 'VOL';

export interface VolumeScale {
  applications: number;
}

const WARDS_PER_APPLICATION = 1 / 500;
const WARDS_PER_BANK_OFFICE = 20;
const GROUPS_PER_WARD = 10;
const ASSOCIATIONS = ['FARMERS', 'WOMEN', 'VETERANS', 'YOUTH'];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Lương',
  'Trịnh',
  'Mai',
  'Tạ',
  'Hà',
  'Lò',
  'Quàng',
  'Triệu',
];
const MIDDLE = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Thanh',
  'Ngọc',
  'Xuân',
  'Quang',
  'Thu',
  'Bảo',
  'Công',
  'Đình',
  'Hồng',
  'Kim',
  'Mạnh',
  'Phúc',
  'Quốc',
  'Trọng',
  'Tuấn',
];
const GIVEN = [
  'Ánh',
  'Bình',
  'Cường',
  'Dũng',
  'Hoa',
  'Hùng',
  'Lan',
  'Mai',
  'Nam',
  'Phương',
  'Quý',
  'Sơn',
  'Tâm',
  'Yến',
  'An',
  'Bắc',
  'Châu',
  'Diệp',
  'Đào',
  'Giang',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Huệ',
  'Khánh',
  'Khoa',
  'Linh',
  'Loan',
  'Lộc',
  'Long',
  'Lựu',
  'Mỹ',
  'Nga',
  'Nghĩa',
  'Ngân',
  'Nhung',
  'Oanh',
  'Phát',
  'Phượng',
  'Quyên',
  'Sáng',
  'Thảo',
  'Thắng',
  'Thủy',
  'Tiến',
  'Toàn',
  'Trang',
  'Trí',
  'Trung',
  'Tú',
  'Tuyết',
  'Uyên',
  'Vân',
  'Việt',
  'Vinh',
  'Xuyến',
  'Ý',
  'Đông',
  'Đạt',
  'Lũy',
];

const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const sqlArray = (items: readonly string[]): string => `ARRAY[${items.map(sqlText).join(',')}]`;
/** The name typed without diacritics: folded, each word capitalised. */
const plain = (word: string): string => foldText(word).replace(/^./u, (c) => c.toUpperCase());

/** A uniform number in [0, 1) from the row index `i` and a stream number. */
const u = (stream: number, i = 'g.i'): string =>
  `((hashint8extended(${i}::bigint, ${stream}) & 2147483647)::float8 / 2147483648.0)`;
/** A 1-based index into an array of `n` items. */
const pick = (stream: number, n: number, i?: string): string => `(1 + floor(${u(stream, i)} * ${n})::int)`;

export function volumeShape(scale: VolumeScale) {
  const wards = Math.max(20, Math.round(scale.applications * WARDS_PER_APPLICATION));
  return { wards, bankOffices: Math.ceil(wards / WARDS_PER_BANK_OFFICE), groups: wards * GROUPS_PER_WARD };
}

const wardCode = (index: string): string => `'${VOLUME_PREFIX}' || lpad((${index})::text, 5, '0')`;
const officeCode = (wardIndex: string): string =>
  `'${VOLUME_PREFIX}PGD' || lpad(((${wardIndex}) / ${WARDS_PER_BANK_OFFICE})::text, 3, '0')`;
const groupCode = (wardIndex: string, groupIndex: string): string =>
  `${wardCode(wardIndex)} || '-T' || lpad((${groupIndex})::text, 2, '0')`;
const base36 = (value: string): string =>
  Array.from(
    { length: 6 },
    (_, k) => `substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1 + ((${value}) / ${36 ** (5 - k)} % 36)::int, 1)`,
  ).join(' || ');

const PROGRAMS = [
  ['00000000-0000-4000-8000-00000000f001', 'HO_NGHEO', 'Cho vay hộ nghèo', 'Loans to poor households', 100_000_000],
  [
    '00000000-0000-4000-8000-00000000f002',
    'CAN_NGHEO',
    'Cho vay hộ cận nghèo',
    'Loans to near-poor households',
    100_000_000,
  ],
  [
    '00000000-0000-4000-8000-00000000f003',
    'NUOC_SACH',
    'Nước sạch và vệ sinh',
    'Clean water and sanitation',
    25_000_000,
  ],
] as const;

function referenceSql(scale: VolumeScale): string[] {
  const { wards, bankOffices } = volumeShape(scale);
  const steps = sqlArray(STEP_NAMES);
  return [
    `INSERT INTO bank_offices (code, name)
       SELECT '${VOLUME_PREFIX}PGD' || lpad(o::text, 3, '0'), 'Phòng giao dịch NHCSXH số ' || o
       FROM generate_series(0, ${bankOffices - 1}) AS o`,
    `INSERT INTO wards (code, name, kind, district, province, transaction_point, transaction_day, bank_office_code)
       SELECT ${wardCode('w')}, CASE WHEN w % 3 = 0 THEN 'Phường ' ELSE 'Xã ' END || w,
              CASE WHEN w % 3 = 0 THEN 'phuong' ELSE 'xa' END, 'Huyện ' || (w / ${WARDS_PER_BANK_OFFICE}),
              'Tỉnh ' || (w / 200), 'Điểm giao dịch ' || w, 10 + w % 15, ${officeCode('w')}
       FROM generate_series(0, ${wards - 1}) AS w`,
    `INSERT INTO mass_organisations (code, name_vi, name_en)
       SELECT code, code, code FROM unnest(${sqlArray(ASSOCIATIONS)}) AS code
       ON CONFLICT (code) DO NOTHING`,
    `INSERT INTO ward_associations (ward_code, association_code)
       SELECT w.code, a FROM wards w CROSS JOIN unnest(${sqlArray(ASSOCIATIONS)}) AS a
       WHERE w.code LIKE '${VOLUME_PREFIX}%'`,
    `INSERT INTO savings_groups (code, name, village, ward_code, association_code)
       SELECT ${groupCode('w', 'g')}, 'Tổ TK&VV số ' || g, 'Thôn ' || (g + 1), ${wardCode('w')},
              (${sqlArray(ASSOCIATIONS)})[1 + g % ${ASSOCIATIONS.length}]
       FROM generate_series(0, ${wards - 1}) AS w CROSS JOIN generate_series(0, ${GROUPS_PER_WARD - 1}) AS g`,
    `INSERT INTO loan_programs (id, code, version, name_vi, name_en, ceiling_vnd, annual_rate_percent, max_term_months,
                                step_order, eligible_categories, vote_rules)
       VALUES ${PROGRAMS.map(
         ([id, code, vi, en, ceiling]) =>
           `('${id}', '${code}', 1, ${sqlText(vi)}, ${sqlText(en)}, ${ceiling}, 6.6, 60, ${steps},
             ARRAY['POOR','NEAR_POOR'], '{"quorum":{"numerator":1,"denominator":2},"approval":{"numerator":1,"denominator":2}}')`,
       ).join(',\n')}`,
  ];
}

function applicationsSql(scale: VolumeScale): string {
  const { wards } = volumeShape(scale);
  const folded = (items: readonly string[]) => sqlArray(items.map(foldText));
  const name = (f: string, m: string, g: string) =>
    `${f}[f] || ' ' || ${m}[m] || coalesce(' ' || ${m}[m2], '') || ' ' || ${g}[gv]`;
  const amount = '(10 + r.i % 40) * 1000000';
  return `
INSERT INTO applications (id, code, workflow_id, program_id, program_code, ward_code, group_code, association_code,
  household_id, household_category, borrower_name, borrower_name_folded, borrower_citizen_id, borrower_birth_date,
  borrower_phone, village, amount_requested, term_months, purpose, use_plan, status, current_step, step_holder,
  step_holder_role, step_started_at, step_since, due_on, overdue, disbursement_on, proposed_amount,
  proposed_term_months, proposed_by, approved_amount, approved_term_months, annual_rate_percent, return_reason,
  last_event_seq, submitted_at, updated_at, closed_at)
SELECT r.id, ${wardCode('r.ward')} || '-' || extract(year FROM r.submitted_at)::int || '-' || ${base36('r.i')},
  'loan-application-' || r.id, (${sqlArray(PROGRAMS.map(([id]) => id))})[r.program]::uuid,
  (${sqlArray(PROGRAMS.map(([, code]) => code))})[r.program], ${wardCode('r.ward')}, ${groupCode('r.ward', 'r.grp')},
  (${sqlArray(ASSOCIATIONS)})[1 + r.grp % ${ASSOCIATIONS.length}], r.household_id, 'POOR',
  CASE WHEN r.typed_plain THEN ${name('pf', 'pm', 'pg')} ELSE ${name('ff', 'fm', 'fg')} END, ${name('xf', 'xm', 'xg')},
  '0' || lpad((34000000000 + r.i)::text, 11, '0'), date '1960-01-01' + r.birth_day,
  '09' || lpad((r.i % 100000000)::text, 8, '0'), 'Thôn ' || (r.grp + 1), ${amount}, 12 + (r.i % 5) * 12,
  'Chăn nuôi bò sinh sản', 'Dùng vốn đúng mục đích; trả lãi hằng tháng từ thu nhập của hộ.',
  r.status, r.step, r.holder, CASE WHEN r.holder IS NOT NULL THEN 'ward_officer' END,
  CASE WHEN r.holder IS NOT NULL THEN r.step_since + interval '2 hours' END, r.step_since,
  (r.step_since + interval '7 days')::date, r.step IS NOT NULL AND r.overdue_roll,
  CASE WHEN r.status = 'DISBURSED' THEN (r.submitted_at + interval '40 days')::date END,
  CASE WHEN r.proposed THEN ${amount} END, CASE WHEN r.proposed THEN 36 END,
  CASE WHEN r.proposed THEN 'bank.credit.' || (r.ward / ${WARDS_PER_BANK_OFFICE}) END,
  CASE WHEN r.status = 'DISBURSED' THEN ${amount} END, CASE WHEN r.status = 'DISBURSED' THEN 36 END,
  CASE WHEN r.status = 'DISBURSED' THEN 6.6 END, CASE WHEN r.status = 'RETURNED' THEN 'Thiếu giấy tờ' END,
  r.events, r.submitted_at, r.submitted_at + interval '1 day' * r.events,
  CASE WHEN r.status IN ('DISBURSED', 'REJECTED', 'WITHDRAWN') THEN r.submitted_at + interval '40 days' END
FROM (
  SELECT s.*,
    CASE WHEN s.step IS NOT NULL AND s.held THEN 'officer.' || ${wardCode('s.ward')} END AS holder,
    s.step = 'bank-approval' AND s.proposal_roll AS proposed,
    CASE WHEN s.step IS NOT NULL THEN s.submitted_at + interval '1 hour' * floor(s.since_roll * 480) END AS step_since
  FROM (
    SELECT g.*,
      CASE WHEN g.status = 'IN_PROGRESS' THEN (${sqlArray(STEP_NAMES)})[1 + floor(g.step_roll * ${STEP_NAMES.length})::int] END AS step
    FROM (
      SELECT g.i, md5('application:' || g.i)::uuid AS id, md5('household:' || g.i)::uuid AS household_id,
        floor(${wards} * power(${u(1)}, 1.2))::int AS ward, floor(${u(2)} * ${GROUPS_PER_WARD})::int AS grp,
        CASE WHEN ${u(3)} < 0.45 THEN 'IN_PROGRESS' WHEN ${u(3)} < 0.80 THEN 'DISBURSED'
             WHEN ${u(3)} < 0.88 THEN 'REJECTED' WHEN ${u(3)} < 0.93 THEN 'RETURNED' ELSE 'WITHDRAWN' END AS status,
        ${u(4)} AS step_roll, ${u(5)} < 0.5 AS proposal_roll, ${u(6)} < 0.25 AS held, ${u(7)} < 0.15 AS overdue_roll,
        timestamptz '2026-12-01 08:00+07' - interval '1 day' * floor(${u(8)} * 1095) - interval '1 second' * (g.i % 86400)
          AS submitted_at,
        ${u(9)} AS since_roll, ${u(16)} < 0.1 AS typed_plain, ${pick(17, PROGRAMS.length)} AS program,
        ${pick(10, FAMILY.length)} AS f, ${pick(11, MIDDLE.length)} AS m,
        CASE WHEN ${u(12)} < 0.3 THEN ${pick(13, MIDDLE.length)} END AS m2, ${pick(14, GIVEN.length)} AS gv,
        2 + floor(${u(15)} * 17)::int AS events, floor(${u(18)} * 14600)::int AS birth_day
      FROM generate_series(0, ${scale.applications - 1}) AS g(i)
    ) g
  ) s
) r
CROSS JOIN (SELECT ${sqlArray(FAMILY)} AS ff, ${sqlArray(MIDDLE)} AS fm, ${sqlArray(GIVEN)} AS fg,
  ${sqlArray(FAMILY.map(plain))} AS pf, ${sqlArray(MIDDLE.map(plain))} AS pm, ${sqlArray(GIVEN.map(plain))} AS pg,
  ${folded(FAMILY)} AS xf, ${folded(MIDDLE)} AS xm, ${folded(GIVEN)} AS xg) names`;
}

/** One household per application, as the application declared it (the FK is restored after the load). */
const HOUSEHOLDS_SQL = `
INSERT INTO households (id, ward_code, village, category, head_name, head_citizen_id, head_birth_date, updated_at)
SELECT household_id, ward_code, village, household_category, borrower_name, borrower_citizen_id, borrower_birth_date,
       submitted_at
FROM applications WHERE ward_code LIKE '${VOLUME_PREFIX}%'`;

/** The history: SUBMITTED, then each step started and decided, in order; the last event is the current state. */
const EVENTS_SQL = `
INSERT INTO audit_events (event_id, application_id, seq, type, step, actor_username, actor_role, actor_scope, data,
                          occurred_at)
SELECT a.workflow_id || '#' || s, a.id, s,
  CASE WHEN s = 1 THEN 'SUBMITTED' WHEN s % 2 = 0 THEN 'STEP_STARTED' ELSE 'STEP_DECIDED' END,
  CASE WHEN s > 1 THEN (${sqlArray(STEP_NAMES)})[1 + ((s - 2) / 2) % ${STEP_NAMES.length}] END,
  CASE WHEN s = 1 THEN 'applicant' ELSE 'officer.' || a.ward_code END,
  CASE WHEN s = 1 THEN 'applicant' ELSE 'ward_officer' END,
  CASE WHEN s > 1 THEN 'ward:' || a.ward_code END,
  CASE WHEN s = 1 THEN jsonb_build_object('actorName', a.borrower_name)
       WHEN s % 2 = 1 THEN jsonb_build_object('outcome', 'approve', 'reason', NULL, 'actorName', 'Cán bộ xã')
       ELSE '{}'::jsonb END,
  a.submitted_at + interval '1 day' * (s - 1)
FROM applications a CROSS JOIN LATERAL generate_series(1, a.last_event_seq) AS s
WHERE a.ward_code LIKE '${VOLUME_PREFIX}%'`;

const DISBURSEMENTS_SQL = `
INSERT INTO disbursements (id, application_id, event_id, amount, disbursed_on, transaction_point, officer_username,
                           recorded_at)
SELECT md5('disbursement:' || a.id)::uuid, a.id, a.workflow_id || '#' || a.last_event_seq, a.approved_amount,
       a.disbursement_on, 'Điểm giao dịch ' || a.ward_code, 'bank.credit', a.closed_at
FROM applications a WHERE a.status = 'DISBURSED' AND a.ward_code LIKE '${VOLUME_PREFIX}%'`;

const LOADED_TABLES = ['applications', 'households', 'audit_events', 'disbursements'];

interface Definition {
  name: string;
  definition: string;
  table: string;
}

/**
 * Writes the data at this scale, replacing the benchmark's earlier rows (and refusing a database that holds
 * anything else). `log` hears each stage and its time.
 */
export async function seedVolume(prisma: PrismaClient, scale: VolumeScale, log: (line: string) => void): Promise<void> {
  const [foreign] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM wards WHERE code NOT LIKE '${VOLUME_PREFIX}%'`,
  );
  if ((foreign?.n ?? 0) > 0) throw new Error('This database holds other wards: give the volume benchmark its own.');
  await prisma.$transaction(
    async (tx) => {
      const stage = async (label: string, sql: string) => {
        const started = performance.now();
        const rows = await tx.$executeRawUnsafe(sql);
        log(
          `  ${label.padEnd(42)} ${String(rows).padStart(11)} rows  ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      };
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      await tx.$executeRawUnsafe(`SET LOCAL synchronous_commit = off`);
      // The audit trail refuses TRUNCATE by trigger; only the benchmark's own rows are here (checked above).
      await tx.$executeRawUnsafe('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_truncate');
      await stage(
        'remove earlier benchmark data',
        `TRUNCATE audit_events, disbursements, step_decisions, group_meeting_items, applications, households,
           household_members, group_members, savings_groups, ward_associations, wards, bank_offices, loan_programs CASCADE`,
      );
      await tx.$executeRawUnsafe('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_truncate');
      const tables = sqlArray(LOADED_TABLES);
      const indexes = await tx.$queryRawUnsafe<Definition[]>(
        `SELECT i.indexname::text AS name, i.indexdef AS definition, i.tablename::text AS table FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY(${tables})
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
      );
      const foreignKeys = await tx.$queryRawUnsafe<Definition[]>(
        `SELECT conname::text AS name, pg_get_constraintdef(oid) AS definition, conrelid::regclass::text AS table
         FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
           AND conrelid::regclass::text = ANY(${tables})`,
      );
      for (const fk of foreignKeys) await tx.$executeRawUnsafe(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
      for (const index of indexes) await tx.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
      for (const [i, sql] of referenceSql(scale).entries()) await stage(`reference data ${i + 1}`, sql);
      await stage('applications', applicationsSql(scale));
      await stage('households', HOUSEHOLDS_SQL);
      await stage('audit events', EVENTS_SQL);
      await stage('disbursements', DISBURSEMENTS_SQL);
      for (const index of indexes) await stage(`index ${index.name}`, index.definition);
      for (const fk of foreignKeys)
        await stage(`foreign key ${fk.name}`, `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
    },
    { maxWait: 60_000, timeout: 6 * 3_600_000 },
  );
  const started = performance.now();
  for (const table of [...LOADED_TABLES, 'wards', 'savings_groups'])
    await prisma.$executeRawUnsafe(`VACUUM ANALYZE ${table}`);
  log(
    `  ${'vacuum analyze'.padEnd(42)} ${''.padStart(11)}       ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Whether the database already holds the benchmark's data at this scale (then it is reused). */
export async function volumeSeeded(prisma: PrismaClient, scale: VolumeScale): Promise<boolean> {
  const [row] = await prisma.$queryRawUnsafe<{ applications: number; events: number; foreign: number }[]>(
    `SELECT (SELECT count(*)::int FROM applications) AS applications,
            (SELECT count(*)::int FROM applications WHERE ward_code NOT LIKE '${VOLUME_PREFIX}%') AS foreign,
            (SELECT count(*)::int FROM audit_events WHERE seq = 1) AS events`,
  );
  return row?.applications === scale.applications && row.foreign === 0 && row.events === scale.applications;
}
