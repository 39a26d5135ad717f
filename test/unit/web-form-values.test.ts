import { describe, expect, it } from 'vitest';
import { CreateApplicationBody, DecisionBodies } from '../../server/http/schemas.js';
import { decisionBody } from '../../server/web/handlers/application-handlers.js';
import { applicationBody } from '../../server/web/handlers/apply-handlers.js';
import { numberOrText } from '../../server/web/form-values.js';

describe('what a person types, as the API schema reads it', () => {
  it('reads amounts with or without thousands separators, and leaves anything else for the schema to refuse', () => {
    expect(numberOrText('50.000.000')).toBe(50_000_000);
    expect(numberOrText('50,000,000')).toBe(50_000_000);
    expect(numberOrText('50 000 000')).toBe(50_000_000);
    expect(numberOrText('50000000')).toBe(50_000_000);
    expect(numberOrText('330.000 đ')).toBe(330_000);
    expect(numberOrText('330,000 VND')).toBe(330_000);
  });

  it('refuses to guess at a figure whose separators are not thousands', () => {
    expect(numberOrText('1.5')).toBe('1.5');
    expect(numberOrText('12,50')).toBe('12,50');
    expect(numberOrText('1.000,000')).toBe('1.000,000');
    expect(numberOrText('1..000')).toBe('1..000');
    expect(numberOrText('năm mươi triệu')).toBe('năm mươi triệu');
    expect(numberOrText('')).toBe('');
  });

  it('turns form 01/TD into the API body: dates as Vietnamese write them, empty member rows dropped', () => {
    const body = applicationBody({
      programCode: 'POOR',
      wardCode: 'HOABINH',
      groupCode: 'HOABINH-01',
      householdCategory: 'POOR',
      'borrower.fullName': 'Nguyễn Thị Hoa',
      'borrower.citizenId': '034185000001',
      'borrower.dateOfBirth': '12/04/1985',
      'householdMembers.0.fullName': 'Trần Văn Bình',
      'householdMembers.0.citizenId': '034185000002',
      'householdMembers.0.relationship': 'Chồng',
      amount: '50.000.000',
      termMonths: '36',
      purpose: 'Nuôi bò',
      usePlan: 'Mua bò giống',
    });
    const parsed = CreateApplicationBody.parse(body);
    expect(parsed.borrower.dateOfBirth).toBe('1985-04-12');
    expect(parsed.householdMembers).toHaveLength(1);
    expect(parsed.amount).toBe(50_000_000);
    expect(parsed.village).toBeUndefined();
  });

  it('reads checkboxes as booleans: an unticked required box is false, an unticked optional one is absent', () => {
    expect(decisionBody('ward-verification', { outcome: 'approve', listedCategory: 'POOR' })).toEqual({
      outcome: 'approve',
      residenceConfirmed: false,
      listedCategory: 'POOR',
    });
    const vote = decisionBody('group-vote', {
      meetingDate: '02/12/2026',
      membersTotal: '10',
      membersPresent: '8',
      votesFor: '7',
      votesAgainst: '1',
      abstentions: '0',
    });
    expect(DecisionBodies['group-vote'].parse(vote)).toEqual({
      meetingDate: '2026-12-02',
      membersTotal: 10,
      membersPresent: 8,
      votesFor: 7,
      votesAgainst: 1,
      abstentions: 0,
    });
  });
});
