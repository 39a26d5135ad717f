import { describe, expect, it } from 'vitest';
import { DEFAULT_VOTE_RULES } from '../../workflows/domain.js';
import { tallyVote } from '../../workflows/rules/step-rules.js';
import { sameTally, tallyFromBallots, tallyItem } from '../../server/domain/batches/meeting-tally.js';

const group = {
  code: 'G',
  wardCode: 'W',
  associationCode: 'FARMERS' as const,
  memberCount: 10,
  borrowerIsMember: true,
};
const votes = (...list: ('FOR' | 'AGAINST' | 'ABSTAIN')[]) => list.map((vote, i) => ({ memberId: `m${i}`, vote }));

describe('the tally of an agenda item, from its ballots', () => {
  it('counts the present applicant towards the quorum but not as a voter', () => {
    const tally = tallyFromBallots({
      meetingDate: '2026-12-01',
      membersTotal: 10,
      applicantMemberId: 'applicant',
      present: new Set(['applicant', 'm0', 'm1', 'm2', 'm3', 'm4']),
      ballots: votes('FOR', 'FOR', 'FOR', 'AGAINST', 'ABSTAIN'),
    });
    expect(tally).toMatchObject({
      membersPresent: 6,
      votesFor: 3,
      votesAgainst: 1,
      abstentions: 1,
      applicantPresent: true,
    });
    // 6 of 10 present is a quorum; 3 for of 5 voters is a majority.
    expect(tallyVote(tally, DEFAULT_VOTE_RULES, group)).toEqual({ outcome: 'approve' });
  });

  it('counts only the members who cast a ballot: five of ten is no quorum', () => {
    const tally = tallyFromBallots({
      meetingDate: '2026-12-01',
      membersTotal: 10,
      applicantMemberId: null,
      present: new Set(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']),
      ballots: votes('FOR', 'FOR', 'FOR', 'FOR', 'FOR'),
    });
    expect(tally.membersPresent).toBe(5);
    expect(tallyVote(tally, DEFAULT_VOTE_RULES, { ...group, borrowerIsMember: false })).toMatchObject({
      code: 'NO_QUORUM',
    });
  });

  it('recognises a recorded decision by its tally', () => {
    const tally = tallyFromBallots({
      meetingDate: '2026-12-01',
      membersTotal: 10,
      applicantMemberId: null,
      present: new Set(),
      ballots: votes('FOR', 'AGAINST'),
    });
    const { step: _step, ...payload } = tally;
    expect(sameTally(payload, tally)).toBe(true);
    expect(sameTally({ ...payload, votesFor: 2 }, tally)).toBe(false);
    expect(sameTally(null, tally)).toBe(false);
  });

  it('finds the applicant among the members and gives the rule the group as the close sends it', () => {
    const members = Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, citizenId: `c${i}` }));
    const { tally, group: judged } = tallyItem({
      meetingDate: '2026-12-02',
      group: { code: 'G', wardCode: 'W', associationCode: 'FARMERS' },
      members,
      present: new Set(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm9']),
      borrowerCitizenId: 'c9',
      ballots: votes('FOR', 'FOR', 'FOR', 'AGAINST', 'AGAINST', 'AGAINST'),
    });
    expect(judged).toEqual(group);
    expect(tally).toMatchObject({ membersTotal: 10, membersPresent: 7, votesFor: 3, applicantPresent: true });
    expect(tallyVote(tally, DEFAULT_VOTE_RULES, judged)).toEqual({ outcome: 'reject' });

    const outsider = tallyItem({
      meetingDate: '2026-12-02',
      group: { code: 'G', wardCode: 'W', associationCode: 'FARMERS' },
      members,
      present: new Set(['m0']),
      borrowerCitizenId: 'someone-else',
      ballots: votes('FOR'),
    });
    expect(outsider.group.borrowerIsMember).toBe(false);
    expect(outsider.tally.applicantPresent).toBe(false);
  });
});
