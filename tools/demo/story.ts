/**
 * The district's history, told through the HTTP API as its officers would: each month every ward takes in a
 * cohort of applications (both step orders), which the bank disburses on the ward's next transaction day; then
 * month after month the group leaders collect interest, the transaction point takes principal, some households
 * miss an instalment (and some pay it later with overdue interest), some repay early, some are extended; the
 * district tops up its capital and the bank recalls some. The Temporal clock is moved forward between events.
 */
import { startOfVietnamDay, toVietnamDate } from '../../workflows/calendar/working-days.js';
import { addMonths } from '../../workflows/rules/loan-book.js';
import { household, termFor, type Household } from './cast.js';
import type { DemoClient } from './client.js';

export interface DemoClock {
  now(): Promise<number>;
  /** Moves the clock to `instant` (never back); timers due meanwhile fire and their work is done. */
  skipTo(instant: number): Promise<void>;
}

export interface StoryOptions {
  client: DemoClient;
  clock: DemoClock;
  /** Applications in all; spread over the wards and the first two thirds of the months. */
  applications: number;
  months: number;
  log: (line: string) => void;
}

export interface StorySummary {
  from: string;
  to: string;
  applications: number;
  loans: number;
  interestCollections: number;
  principalPayments: number;
  late: number;
  early: number;
  extended: number;
  capital: string[];
}

interface Reference {
  wards: { code: string; name: string; transactionPoint: string }[];
  groups: { code: string; wardCode: string; associationCode: string; memberCount: number }[];
  stepOrder: Map<string, string[]>;
}

interface Loan {
  id: string;
  who: Household;
  group: Reference['groups'][number];
  disbursedOn: string;
  instalments: { no: number; dueOn: string; principal: number }[];
  missedOn: string | null;
  open: boolean;
}

const HOUR = 3_600_000;
const at = (date: string, hour: number) => startOfVietnamDay(date) + hour * HOUR;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items`, a few at a time, as several officers would at once. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export async function runStory(options: StoryOptions): Promise<StorySummary> {
  const { client, clock, log } = options;
  const ref = await readReference(client);
  const from = toVietnamDate(await clock.now());
  const end = at(addMonths(from, options.months), 18);
  const summary: StorySummary = {
    from,
    to: toVietnamDate(end),
    applications: 0,
    loans: 0,
    interestCollections: 0,
    principalPayments: 0,
    late: 0,
    early: 0,
    extended: 0,
    capital: [],
  };
  const agenda: { at: number; what: string; run: () => Promise<void> }[] = [];
  const plan = (instant: number, what: string, run: () => Promise<void>) => {
    if (instant <= end) agenda.push({ at: instant, what, run });
  };
  const today = async () => toVietnamDate(await clock.now());

  // Intake: one cohort per ward per month, a ward a day apart, over the first two thirds of the history.
  const intakeMonths = Math.max(1, Math.round((options.months * 2) / 3));
  const cohorts = intakeMonths * ref.wards.length;
  for (let c = 0; c < cohorts; c += 1) {
    const ward = ref.wards[c % ref.wards.length]!;
    const month = Math.floor(c / ref.wards.length);
    const first = Math.floor((options.applications * c) / cohorts);
    const size = Math.floor((options.applications * (c + 1)) / cohorts) - first;
    const households = Array.from({ length: size }, (_, i) => household(first + i));
    const day = toVietnamDate(at(addMonths(from, month), 12) + (c % ref.wards.length) * 24 * HOUR);
    plan(at(day, 9), `intake ${ward.code}`, () => intake(ward, households));
  }

  async function intake(ward: Reference['wards'][number], households: Household[]): Promise<void> {
    const groups = ref.groups.filter((g) => g.wardCode === ward.code);
    const approved: { id: string; who: Household; group: (typeof groups)[number]; term: number }[] = [];
    await inParallel(households, 4, async (who) => {
      const group = groups[who.index % groups.length]!;
      const monthsLeft = Math.floor((end - (await clock.now())) / (30.5 * 24 * HOUR)) - 1;
      const term = termFor(who.persona, monthsLeft, who.programme.maxTermMonths);
      const id = await submitAndApprove(who, ward.code, group, term);
      approved.push({ id, who, group, term });
    });
    summary.applications += approved.length;
    const first = approved[0];
    if (!first) return;
    const view = await client.ok('GET', `/api/applications/${first.id}`, 'bank.officer');
    const on = (view.disbursementOn as string | null) ?? (await today());
    log(`  ${await today()} ${ward.code}: ${approved.length} applications approved, disbursement on ${on}`);
    plan(at(on, 9), `disburse ${ward.code}`, async () => {
      const loans: Loan[] = [];
      await inParallel(approved, 4, async (a) => {
        loans.push(await disburse(a.id, a.who, a.group, ward));
      });
      summary.loans += loans.length;
      scheduleMonth(loans, on, 1);
    });
  }

  async function submitAndApprove(who: Household, wardCode: string, group: Reference['groups'][number], term: number) {
    const created = await submitOnce(who, {
      programCode: who.programme.code,
      wardCode,
      groupCode: group.code,
      householdCategory: who.programme.category,
      borrower: { fullName: who.fullName, citizenId: who.citizenId, dateOfBirth: who.dateOfBirth },
      amount: who.amount,
      termMonths: term,
      purpose: who.programme.purpose,
      usePlan: who.programme.usePlan,
    });
    const id = created;
    const date = await today();
    const present = group.memberCount - 1;
    const decisions: Record<string, [string, Record<string, unknown>][]> = {
      'ward-verification': [
        [`ward.${wardCode}`, { outcome: 'approve', residenceConfirmed: true, listedCategory: who.programme.category }],
      ],
      entrustment: [
        [
          `assoc.${group.associationCode}.${wardCode}`,
          { outcome: 'approve', associationCode: group.associationCode, dossierComplete: true },
        ],
      ],
      'group-vote': [
        [
          `group.${group.code}`,
          {
            meetingDate: date,
            membersTotal: group.memberCount,
            membersPresent: present,
            votesFor: present - 1,
            votesAgainst: 1,
            abstentions: 0,
          },
        ],
      ],
      'bank-approval': [
        ['bank.officer', { outcome: 'approve', approvedAmount: who.amount, termMonths: term }],
        ['bank.manager', { outcome: 'approve' }],
      ],
    };
    for (const step of ref.stepOrder.get(who.programme.code)!) {
      for (const [officer, body] of decisions[step] ?? []) await decide(id, step, officer, body);
    }
    return id;
  }

  /**
   * Submits once. The time-skipping server sometimes fails an Update-With-Start after starting the workflow (a 500);
   * the retry is then refused OPEN_APPLICATION_EXISTS. Each demo household applies only once, so an open
   * application under its citizen ID can only be that first attempt: it is taken as the answer.
   */
  async function submitOnce(who: Household, form: Record<string, unknown>): Promise<string> {
    const answer = await client.send('POST', '/api/applications', undefined, form);
    if (answer.status === 201) return answer.body.id as string;
    if (answer.status === 422 && answer.body?.error?.code === 'OPEN_APPLICATION_EXISTS') {
      const found = await client.ok('GET', `/api/applications?q=${who.citizenId}`, 'bank.officer');
      const first = (found.items as { id: string }[])[0];
      if (first) return first.id;
    }
    throw new Error(`POST /api/applications: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  async function decide(id: string, step: string, officer: string, body: Record<string, unknown>): Promise<void> {
    await client.ok('POST', `/api/applications/${id}/steps/${step}/start`, officer);
    await client.ok('POST', `/api/applications/${id}/steps/${step}/decision`, officer, body);
  }

  async function disburse(
    id: string,
    who: Household,
    group: Reference['groups'][number],
    ward: Reference['wards'][number],
  ) {
    const disbursedOn = await today();
    await decide(id, 'disbursement', 'bank.officer', {
      outcome: 'approve',
      amount: who.amount,
      disbursedOn,
      transactionPoint: ward.transactionPoint,
    });
    const loan = await loanOnceBooked(id);
    // Most associations check the use within their 30 days; every ninth loan is left for the inbox to chase.
    if (who.index % 9 !== 4) {
      await client.ok('POST', `/api/loans/${id}/use-check`, `assoc.${group.associationCode}.${ward.code}`, {
        outcome: 'as-planned',
        note: `Đã kiểm tra: ${who.programme.usePlan}`,
      });
    }
    return { id, who, group, disbursedOn, instalments: loan.instalments, missedOn: null, open: true };
  }

  /** The loan book has the loan once the loan workflow has recorded it (the worker's pace, not the clock's). */
  async function loanOnceBooked(id: string): Promise<any> {
    const token = await client.login('bank.officer');
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const answer = await client.send('GET', `/api/loans/${id}`, token);
      if (answer.status === 200 && answer.body.instalments.length > 0) return answer.body;
      await sleep(100);
    }
    throw new Error(`loan ${id} was not booked`);
  }

  function scheduleMonth(loans: Loan[], disbursedOn: string, n: number): void {
    const on = addMonths(disbursedOn, n);
    plan(at(on, 9), `month ${n} of ${disbursedOn}`, async () => {
      await loanMonth(
        loans.filter((l) => l.open),
        on,
        n,
      );
      if (loans.some((l) => l.open)) scheduleMonth(loans, disbursedOn, n + 1);
    });
  }

  async function loanMonth(loans: Loan[], on: string, n: number): Promise<void> {
    for (const loan of loans.filter((l) => l.who.persona === 'extended' && n === 1)) {
      const first = loan.instalments[0]!;
      const newDueOn = addMonths(first.dueOn, 3);
      await client.ok('POST', `/api/loans/${loan.id}/extensions`, 'bank.manager', {
        instalmentNo: 1,
        newDueOn,
        wardChairComment: 'Hộ bị thiệt hại do bão, đề nghị gia hạn 3 tháng',
        bankDecision: `QĐ ${loan.who.index + 1}/GH-PGD`,
      });
      first.dueOn = newDueOn;
      summary.extended += 1;
    }
    // A household that missed its instalment and will not pay stops paying interest too.
    await collectInterest(
      loans.filter((l) => !(l.missedOn && l.who.persona === 'overdue')),
      on,
    );
    for (const loan of loans) await settle(loan, on, n);
  }

  async function collectInterest(loans: Loan[], on: string): Promise<void> {
    const month = on.slice(0, 7);
    for (const group of new Set(loans.map((l) => l.group.code))) {
      const ids = new Set(loans.filter((l) => l.group.code === group).map((l) => l.id));
      const due = await client.ok('GET', `/api/groups/${group}/interest-collections?month=${month}`, `group.${group}`);
      const collections = (due.items as { loanId: string; amount: number; collected: number | null }[])
        .filter((i) => ids.has(i.loanId) && i.collected === null && i.amount > 0)
        .map((i) => ({ loanId: i.loanId, amount: i.amount }));
      if (collections.length === 0) continue;
      await client.ok('POST', `/api/groups/${group}/interest-collections`, `group.${group}`, {
        month,
        receiptNo: `${month.slice(5)}/BL-${group}`,
        collections,
      });
      summary.interestCollections += collections.length;
    }
  }

  async function settle(loan: Loan, on: string, n: number): Promise<void> {
    const { persona } = loan.who;
    if (persona === 'early' && n === Math.min(3, Math.max(1, options.months - 2))) {
      const view = await client.ok('GET', `/api/loans/${loan.id}?on=${on}`, 'bank.officer');
      await client.ok('POST', `/api/loans/${loan.id}/early-repayment`, 'bank.officer', {
        amount: view.dueToday.payoff,
      });
      loan.open = false;
      summary.early += 1;
      return;
    }
    if (loan.missedOn && persona === 'late') {
      const view = await client.ok('GET', `/api/loans/${loan.id}?on=${on}`, 'bank.officer');
      const owed = view.dueToday.overduePrincipal + view.dueToday.overdueInterest;
      await client.ok('POST', `/api/loans/${loan.id}/principal-payments`, 'bank.officer', { amount: owed });
      loan.missedOn = null;
      loan.instalments = loan.instalments.filter((i) => i.dueOn > on);
      summary.late += 1;
      summary.principalPayments += 1;
    }
    for (const instalment of loan.instalments.filter((i) => i.dueOn === on)) {
      const misses = (persona === 'overdue' || persona === 'late') && instalment.no === 1;
      if (misses) {
        loan.missedOn = on;
        continue;
      }
      await client.ok('POST', `/api/loans/${loan.id}/principal-payments`, 'bank.officer', {
        amount: instalment.principal,
      });
      summary.principalPayments += 1;
    }
    if (!loan.missedOn) loan.instalments = loan.instalments.filter((i) => i.dueOn > on);
    if (loan.instalments.length === 0 && !loan.missedOn) loan.open = false;
    if (loan.missedOn && persona === 'overdue') loan.open = false; // left overdue: nothing more happens to it
  }

  // Capital: the district tops up its budget capital half-way, the bank recalls some central capital later.
  plan(at(addMonths(from, Math.floor(options.months / 2)), 14), 'capital top-up', async () => {
    const on = await today();
    await client.ok('POST', '/api/capital-sources/NSDP-KIENXUONG/entrustments', 'bank.manager', {
      kind: 'top-up',
      amount: 5_000_000_000,
      on,
      decisionNumber: '211/QĐ-UBND',
      note: 'Bổ sung vốn ngân sách huyện ủy thác',
    });
    summary.capital.push(`${on} top-up NSDP-KIENXUONG 5.000.000.000 đ`);
  });
  plan(at(addMonths(from, Math.max(1, Math.floor((options.months * 3) / 4))), 15), 'capital recall', async () => {
    const on = await today();
    await client.ok('POST', '/api/capital-sources/TW-KIENXUONG-POOR/recalls', 'bank.manager', {
      amount: 20_000_000_000,
      on,
      decisionNumber: '97/QĐ-NHCS',
      note: 'Điều chuyển vốn Trung ương nhàn rỗi',
    });
    summary.capital.push(`${on} recall TW-KIENXUONG-POOR 20.000.000.000 đ`);
  });

  let lastMonth = '';
  for (;;) {
    agenda.sort((a, b) => a.at - b.at);
    const next = agenda.shift();
    if (!next) break;
    await clock.skipTo(next.at);
    const month = toVietnamDate(next.at).slice(0, 7);
    if (month !== lastMonth) {
      log(`${month}: ${summary.loans} loans, ${summary.interestCollections} interest collections so far`);
      lastMonth = month;
    }
    await next.run();
  }
  await clock.skipTo(end);
  return summary;
}

async function readReference(client: DemoClient): Promise<Reference> {
  const [wards, groups, programs] = await Promise.all([
    client.ok('GET', '/api/wards', null),
    client.ok('GET', '/api/groups', null),
    client.ok('GET', '/api/programs', null),
  ]);
  return {
    wards,
    groups,
    stepOrder: new Map((programs as { code: string; stepOrder: string[] }[]).map((p) => [p.code, p.stepOrder])),
  };
}
