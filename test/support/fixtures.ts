import { toVietnamDate } from '../../workflows/calendar/working-days.js';
import type { StepName } from '../../workflows/domain.js';
import type { ApiResponse, TestStack } from './stack.js';

let citizenSerial = 0;
/** A fresh 12-digit citizen ID per application, so tests never collide on a household. */
export function nextCitizenId(): string {
  citizenSerial += 1;
  return `0341${String(Date.now() % 1_000_000).padStart(6, '0')}${String(citizenSerial % 100).padStart(2, '0')}`;
}

let clock = (): number => Date.now();

/** A suite on the time-skipping server dates its decisions by the server's clock, not the host's. */
export function setDecisionClock(now: () => number): void {
  clock = now;
}

/** Today in Vietnam (UTC+7), the day the workflow judges decision dates against. */
export function todayInVietnam(): string {
  return toVietnamDate(clock());
}

/** The tests disburse on the day they run, which is rarely the ward's transaction day: that needs a reason. */
export const OFF_SCHEDULE_REASON = 'Hộ vay nhận tiền ngoài ngày giao dịch cố định theo lịch của điểm giao dịch';

export function applicationForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programCode: 'POOR',
    wardCode: 'HOABINH',
    groupCode: 'HOABINH-01',
    householdCategory: 'POOR',
    village: 'Thôn Đông',
    borrower: {
      fullName: 'Nguyễn Văn Ánh',
      citizenId: nextCitizenId(),
      dateOfBirth: '1985-04-12',
      phone: '0912345678',
      email: 'anh.nguyen@example.vn',
    },
    amount: 50_000_000,
    termMonths: 36,
    purpose: 'Nuôi bò sinh sản',
    usePlan: 'Mua 2 con bò giống, làm chuồng trại; trả lãi hằng tháng từ tiền bán sữa và bê con.',
    ...overrides,
  };
}

export const OFFICER_FOR_STEP: Record<StepName, string> = {
  'ward-verification': 'ward.HOABINH',
  entrustment: 'assoc.FARMERS.HOABINH',
  'group-vote': 'group.HOABINH-01',
  'bank-approval': 'bank.officer',
  disbursement: 'bank.officer',
};

/** The payload that approves each step for the default form (group HOABINH-01: 10 members, FARMERS). */
export function approvalFor(
  step: StepName,
  amount = 50_000_000,
  termMonths = 36,
  category = 'POOR',
): Record<string, unknown> {
  switch (step) {
    case 'ward-verification':
      return { outcome: 'approve', residenceConfirmed: true, listedCategory: category };
    case 'entrustment':
      return { outcome: 'approve', associationCode: 'FARMERS', dossierComplete: true };
    case 'group-vote':
      return {
        meetingDate: todayInVietnam(),
        membersTotal: 10,
        membersPresent: 8,
        votesFor: 7,
        votesAgainst: 1,
        abstentions: 0,
      };
    case 'bank-approval':
      return { outcome: 'approve', approvedAmount: amount, termMonths };
    case 'disbursement':
      return {
        outcome: 'approve',
        amount,
        disbursedOn: todayInVietnam(),
        transactionPoint: 'Điểm giao dịch xã Hòa Bình',
        reason: OFF_SCHEDULE_REASON,
      };
  }
}

export function rejectionFor(step: StepName): Record<string, unknown> {
  if (step === 'group-vote') {
    return {
      meetingDate: todayInVietnam(),
      membersTotal: 10,
      membersPresent: 8,
      votesFor: 3,
      votesAgainst: 4,
      abstentions: 1,
    };
  }
  const base = approvalFor(step);
  return { ...base, outcome: 'reject', reason: 'Hộ không còn cư trú tại địa phương' };
}

export async function submit(stack: TestStack, overrides: Record<string, unknown> = {}, token?: string) {
  const form = applicationForm(overrides);
  const response = await stack.api<{ id: string; code: string; status: string; currentStep: string }>(
    'POST',
    '/api/applications',
    { body: form, ...(token ? { token } : {}) },
  );
  if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${JSON.stringify(response.body)}`);
  const citizenId = (form.borrower as { citizenId: string }).citizenId;
  return { ...response.body, citizenId, last4: citizenId.slice(-4) };
}

export async function startAs(stack: TestStack, username: string, id: string, step: StepName): Promise<ApiResponse> {
  return stack.api('POST', `/api/applications/${id}/steps/${step}/start`, { token: await stack.login(username) });
}

export async function decideAs(
  stack: TestStack,
  username: string,
  id: string,
  step: StepName,
  body: Record<string, unknown>,
): Promise<ApiResponse> {
  return stack.api('POST', `/api/applications/${id}/steps/${step}/decision`, {
    token: await stack.login(username),
    body,
  });
}

async function takeAndDecide(
  stack: TestStack,
  officer: string,
  id: string,
  step: StepName,
  body: Record<string, unknown>,
): Promise<ApiResponse> {
  const started = await startAs(stack, officer, id, step);
  if (started.status !== 200) throw new Error(`start ${step}: ${started.status} ${JSON.stringify(started.body)}`);
  const decided = await decideAs(stack, officer, id, step, body);
  if (decided.status !== 200) throw new Error(`decide ${step}: ${decided.status} ${JSON.stringify(decided.body)}`);
  return decided;
}

/**
 * Takes and decides one step as the officers responsible for it; fails the test on any refusal. An approval
 * at bank-approval is two-stage: bank.officer proposes and bank.manager confirms.
 */
export async function runStep(
  stack: TestStack,
  id: string,
  step: StepName,
  body = approvalFor(step),
): Promise<ApiResponse> {
  const decided = await takeAndDecide(stack, OFFICER_FOR_STEP[step], id, step, body);
  if (step !== 'bank-approval' || body.outcome !== 'approve') return decided;
  return takeAndDecide(stack, 'bank.manager', id, step, { outcome: 'approve' });
}

export const PUBLISHED = ['group-vote', 'ward-verification', 'entrustment', 'bank-approval', 'disbursement'] as const;
export const BRIEF = ['ward-verification', 'entrustment', 'group-vote', 'bank-approval', 'disbursement'] as const;
