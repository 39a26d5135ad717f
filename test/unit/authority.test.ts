/**
 * The one table of who acts on what (workflows/rules/authority.ts) and the rules the HTTP schemas check early
 * by calling the workflow's own guards: the same answer on both sides.
 */
import { describe, expect, it } from 'vitest';
import { DecisionBodies } from '../../server/http/schemas.js';
import { ROLES, STEP_NAMES } from '../../workflows/domain.js';
import {
  APPLICANT_AGENTS,
  ROLE_SCOPE,
  STEP_AUTHORITY,
  checkApplicantAgent,
  mayActOnStep,
  rolesForStage,
  scopePlaces,
  stepsWaitingOn,
} from '../../workflows/rules/authority.js';
import { DISBURSEMENT_FIELDS, checkReason } from '../../workflows/rules/step-rules.js';

describe('the step authority table', () => {
  it('gives every step its roles and every role but the administrator a scope', () => {
    expect(STEP_AUTHORITY['ward-verification'].roles).toEqual(['ward_officer']);
    expect(STEP_AUTHORITY.entrustment.roles).toEqual(['association_officer']);
    expect(STEP_AUTHORITY['group-vote'].roles).toEqual(['group_leader']);
    expect(STEP_AUTHORITY.disbursement.roles).toEqual(['bank_credit_officer', 'bank_manager']);
    expect(ROLE_SCOPE.admin).toBeNull();
    for (const role of ROLES.filter((r) => r !== 'admin')) expect(ROLE_SCOPE[role]).not.toBeNull();
  });

  it('splits bank approval into a credit officer proposal and a manager confirmation', () => {
    expect(rolesForStage('bank-approval', false)).toEqual(['bank_credit_officer']);
    expect(rolesForStage('bank-approval', true)).toEqual(['bank_manager']);
    expect(rolesForStage('entrustment', true)).toEqual(['association_officer']);
  });

  it('fills each inbox with the steps its role acts on, and nothing for the administrator', () => {
    expect(stepsWaitingOn('group_leader')).toEqual([{ step: 'group-vote' }]);
    expect(stepsWaitingOn('bank_credit_officer')).toEqual([
      { step: 'bank-approval', proposed: false },
      { step: 'disbursement' },
    ]);
    expect(stepsWaitingOn('bank_manager')).toEqual([
      { step: 'bank-approval', proposed: true },
      { step: 'disbursement' },
    ]);
    expect(stepsWaitingOn('admin')).toEqual([]);
  });

  it('lets the server pre-check exactly the roles some stage of the workflow accepts', () => {
    for (const step of STEP_NAMES) {
      for (const role of ROLES) {
        const someStage = rolesForStage(step, false).includes(role) || rolesForStage(step, true).includes(role);
        expect(mayActOnStep(role, step), `${role} on ${step}`).toBe(someStage);
      }
    }
  });
});

describe('acting for the applicant', () => {
  it('lets the applicant act without a reason', () => {
    expect(checkApplicantAgent('applicant', 'amend', undefined)).toBeNull();
    expect(checkApplicantAgent('applicant', 'withdraw', undefined)).toBeNull();
  });

  it('lets no bank role and no administrator amend, whatever the reason', () => {
    for (const role of ['bank_credit_officer', 'bank_manager', 'admin']) {
      expect(APPLICANT_AGENTS.amend).not.toContain(role);
      expect(checkApplicantAgent(role, 'amend', 'Hộ vay nhờ sửa')).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    }
    expect(checkApplicantAgent('admin', 'withdraw', 'Hộ vay nhờ rút')).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('needs a reason from an officer acting on the applicant’s behalf', () => {
    expect(checkApplicantAgent('group_leader', 'withdraw', undefined)).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(checkApplicantAgent('ward_officer', 'amend', '   ')).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(checkApplicantAgent('group_leader', 'withdraw', 'Hộ vay xin rút, đã ký đơn')).toBeNull();
    expect(checkApplicantAgent('bank_manager', 'withdraw', 'Hộ vay từ chối nhận tiền')).toBeNull();
  });
});

describe('rules the HTTP schemas check by the workflow’s guards', () => {
  it('asks a reason for exactly the outcomes the workflow does', () => {
    for (const outcome of ['approve', 'reject', 'return', 'send-back'] as const) {
      const parsed = DecisionBodies['bank-approval'].safeParse({ outcome });
      expect(parsed.success, outcome).toBe(checkReason(outcome, undefined) === null);
    }
  });

  it('asks every field a disbursement needs, and only those', () => {
    const full = { outcome: 'approve', amount: 40_000_000, disbursedOn: '2026-12-01', transactionPoint: 'Điểm GD' };
    expect(DecisionBodies.disbursement.safeParse(full).success).toBe(true);
    for (const field of DISBURSEMENT_FIELDS) {
      const { [field]: _dropped, ...rest } = full;
      const parsed = DecisionBodies.disbursement.safeParse(rest);
      expect(parsed.success, field).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
    }
  });
});

describe('the places a scope is bound to', () => {
  const application = { wardCode: 'HOABINH', associationCode: 'WOMEN', groupCode: 'HB-T01', bankOfficeCode: 'PGD-Q1' };

  it('takes from an application only the places each kind of scope uses', () => {
    expect(scopePlaces('ward', application)).toEqual({ wardCode: 'HOABINH' });
    expect(scopePlaces('association', application)).toEqual({ wardCode: 'HOABINH', associationCode: 'WOMEN' });
    expect(scopePlaces('group', application)).toEqual({ groupCode: 'HB-T01' });
    expect(scopePlaces('bank-office', application)).toEqual({ bankOfficeCode: 'PGD-Q1' });
  });

  it('binds the administrator and a half-configured account to nothing', () => {
    expect(scopePlaces(ROLE_SCOPE.admin, application)).toBeNull();
    expect(scopePlaces('association', { wardCode: 'HOABINH', associationCode: null })).toBeNull();
    expect(scopePlaces('bank-office', { ...application, bankOfficeCode: '' })).toBeNull();
  });
});
