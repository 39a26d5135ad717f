/**
 * The group's review meeting (bình xét): a meeting of group HOABINH-01 (10 members) with five applications.
 * One applicant is a member (recused, present: counts towards the quorum, casts no vote), one applicant's
 * household holds another member (recused, no ballot), one item lacks a quorum of ballots. Closing decides
 * every group vote from the ballots, exactly once, however often and however concurrently it is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, todayInVietnam } from '../support/fixtures.js';
import { startStack, type ApiResponse, type TestStack } from '../support/stack.js';

let stack: TestStack;
let leader: string;

interface Member {
  id: string;
  fullName: string;
  citizenId: string;
}
type Vote = 'FOR' | 'AGAINST' | 'ABSTAIN';
type Ballot = { applicationId: string; memberId: string; vote: Vote };

let members: Member[];
/** M[i]: the group's members in the seed's order; M[0] is the leader (the group.HOABINH-01 account). */
const M = (i: number): Member => {
  const member = members[i];
  if (!member) throw new Error(`no member ${i}`);
  return member;
};

const apps: Record<'memberApplicant' | 'householdOfMember' | 'rejected' | 'noQuorum' | 'approved', string> = {
  memberApplicant: '',
  householdOfMember: '',
  rejected: '',
  noQuorum: '',
  approved: '',
};
let meetingId: string;

const details = {
  meetingDate: '',
  place: 'Nhà văn hóa Tổ dân phố 3',
  associationOfficerName: 'Lê Thị Minh Thư',
  villageHeadName: 'Phạm Văn Đức',
};

const ballots = (applicationId: string, votes: [number, Vote][]): Ballot[] =>
  votes.map(([i, vote]) => ({ applicationId, memberId: M(i).id, vote }));

const groupVoteDecisions = async (id: string) => {
  const audit = await stack.api('GET', `/api/applications/${id}/audit`, { token: leader });
  return (audit.body.entries as { type: string; step: string | null }[]).filter(
    (e) => e.type === 'STEP_DECIDED' && e.step === 'group-vote',
  );
};

const close = (): Promise<ApiResponse> => stack.api('POST', `/api/meetings/${meetingId}/close`, { token: leader });

beforeAll(async () => {
  stack = await startStack();
  leader = await stack.login('group.HOABINH-01');
  details.meetingDate = todayInVietnam();
  const listed = await stack.api<Member[]>('GET', '/api/admin/groups/HOABINH-01/members', {
    token: await stack.login('admin'),
  });
  members = listed.body;
  expect(members).toHaveLength(10);
  expect(M(0).fullName).toBe('Nguyễn Văn Hùng');

  const member9 = M(9);
  apps.memberApplicant = (
    await submit(stack, {
      borrower: { fullName: member9.fullName, citizenId: member9.citizenId, dateOfBirth: '1980-03-02' },
      amount: 40_000_000,
      purpose: 'Chăn nuôi lợn',
    })
  ).id;
  apps.householdOfMember = (
    await submit(stack, {
      householdMembers: [{ fullName: M(7).fullName, citizenId: M(7).citizenId, relationship: 'Vợ' }],
      amount: 30_000_000,
      termMonths: 24,
      purpose: 'Trồng rau sạch',
    })
  ).id;
  apps.rejected = (await submit(stack, { amount: 60_000_000 })).id;
  apps.noQuorum = (await submit(stack, { amount: 20_000_000 })).id;
  apps.approved = (await submit(stack, { amount: 50_000_000, termMonths: 36, purpose: 'Nuôi bò sinh sản' })).id;
});

afterAll(async () => {
  await stack?.close();
});

describe('the review meeting', () => {
  it('opens with the waiting applications as its agenda and the recused members listed', async () => {
    const attendees = [0, 1, 2, 3, 4, 5, 6, 7, 9].map((i) => M(i).id);
    const opened = await stack.api('POST', '/api/groups/HOABINH-01/meetings', {
      token: leader,
      body: { ...details, attendees },
    });
    expect(opened.status).toBe(201);
    meetingId = opened.body.id;
    expect(opened.body.status).toBe('DRAFT');
    const items = opened.body.items as { applicationId: string; recused: { memberId: string }[] }[];
    expect(items.map((i) => i.applicationId)).toEqual(Object.values(apps));
    const recused = Object.fromEntries(items.map((i) => [i.applicationId, i.recused.map((r) => r.memberId)]));
    expect(recused[apps.memberApplicant]).toEqual([M(9).id]);
    expect(recused[apps.householdOfMember]).toEqual([M(7).id]);
    expect(recused[apps.rejected]).toEqual([]);
    const present = (opened.body.members as { id: string; present: boolean }[]).filter((m) => m.present);
    expect(present.map((m) => m.id).sort()).toEqual([...attendees].sort());
  });

  it('refuses a second meeting while one is not closed', async () => {
    const second = await stack.api('POST', '/api/groups/HOABINH-01/meetings', { token: leader, body: details });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('MEETING_ALREADY_OPEN');
  });

  it('refuses the ballot of a recused member and of a member not present', async () => {
    const recused = await stack.api('PATCH', `/api/meetings/${meetingId}`, {
      token: leader,
      body: { ballots: ballots(apps.memberApplicant, [[9, 'FOR']]) },
    });
    expect(recused.status).toBe(422);
    expect(recused.body.error.code).toBe('MEMBER_RECUSED');
    const householdMember = await stack.api('PATCH', `/api/meetings/${meetingId}`, {
      token: leader,
      body: { ballots: ballots(apps.householdOfMember, [[7, 'FOR']]) },
    });
    expect(householdMember.body.error.code).toBe('MEMBER_RECUSED');
    const absent = await stack.api('PATCH', `/api/meetings/${meetingId}`, {
      token: leader,
      body: { ballots: ballots(apps.rejected, [[8, 'FOR']]) },
    });
    expect(absent.status).toBe(422);
    expect(absent.body.error.code).toBe('MEMBER_NOT_PRESENT');
  });

  it('lets only the group leader edit it, and hides it outside the scope', async () => {
    const ward = await stack.api('PATCH', `/api/meetings/${meetingId}`, {
      token: await stack.login('ward.HOABINH'),
      body: { place: 'Khác' },
    });
    expect(ward.status).toBe(403);
    const readByWard = await stack.api('GET', `/api/meetings/${meetingId}`, {
      token: await stack.login('ward.HOABINH'),
    });
    expect(readByWard.status).toBe(200);
    const otherGroup = await stack.api('GET', `/api/meetings/${meetingId}`, {
      token: await stack.login('group.HOABINH-02'),
    });
    expect(otherGroup.status).toBe(404);
  });

  it('saves the draft and has no minutes before it closes', async () => {
    const saved = await stack.api('PATCH', `/api/meetings/${meetingId}`, {
      token: leader,
      body: {
        ballots: [
          // 9 present with the applicant; 8 ballots: 6 for of 8 voters → approved.
          ...ballots(apps.memberApplicant, [
            [0, 'FOR'],
            [1, 'FOR'],
            [2, 'FOR'],
            [3, 'FOR'],
            [4, 'FOR'],
            [5, 'FOR'],
            [6, 'AGAINST'],
            [7, 'ABSTAIN'],
          ]),
          // M7 recused: 7 ballots, 5 for → approved.
          ...ballots(apps.householdOfMember, [
            [0, 'FOR'],
            [1, 'FOR'],
            [2, 'FOR'],
            [3, 'FOR'],
            [4, 'FOR'],
            [5, 'AGAINST'],
            [6, 'AGAINST'],
          ]),
          // 8 ballots, 3 for → rejected.
          ...ballots(apps.rejected, [
            [0, 'FOR'],
            [1, 'FOR'],
            [2, 'FOR'],
            [3, 'AGAINST'],
            [4, 'AGAINST'],
            [5, 'AGAINST'],
            [6, 'AGAINST'],
            [7, 'ABSTAIN'],
          ]),
          // 5 ballots of 10 members: not more than half → no quorum.
          ...ballots(apps.noQuorum, [
            [0, 'FOR'],
            [1, 'FOR'],
            [2, 'FOR'],
            [3, 'FOR'],
            [4, 'FOR'],
          ]),
          ...ballots(
            apps.approved,
            [0, 1, 2, 3, 4, 5, 6, 7].map((i): [number, Vote] => [i, 'FOR']),
          ),
        ],
      },
    });
    expect(saved.status).toBe(200);
    const counts = (saved.body.items as { ballots: unknown[] }[]).map((i) => i.ballots.length);
    expect(counts).toEqual([8, 7, 8, 5, 8]);
    const minutes = await stack.api('GET', `/api/meetings/${meetingId}/minutes`, { token: leader });
    expect(minutes.status).toBe(409);
    expect(minutes.body.error.code).toBe('MEETING_NOT_CLOSED');
  });

  it('closes once: two concurrent closes and a retry decide each application a single time', async () => {
    const [first, second] = await Promise.all([close(), close()]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const again = await close();
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('CLOSED');
    const outcome = Object.fromEntries(
      (again.body.items as { applicationId: string; outcome: string | null; failure: { code: string } | null }[]).map(
        (i) => [i.applicationId, i.outcome ?? i.failure?.code],
      ),
    );
    expect(outcome).toEqual({
      [apps.memberApplicant]: 'approve',
      [apps.householdOfMember]: 'approve',
      [apps.rejected]: 'reject',
      [apps.noQuorum]: 'NO_QUORUM',
      [apps.approved]: 'approve',
    });
    for (const id of [apps.memberApplicant, apps.householdOfMember, apps.rejected, apps.approved]) {
      expect(await groupVoteDecisions(id)).toHaveLength(1);
    }
    expect(await groupVoteDecisions(apps.noQuorum)).toHaveLength(0);
    const tally = (again.body.items as { tally: Record<string, unknown> }[])[0]?.tally;
    expect(tally).toMatchObject({ membersTotal: 10, membersPresent: 9, votesFor: 6, applicantPresent: true });
  });

  it('recovers from a crash between a decision and its marker without deciding again', async () => {
    // As if the close had died right after the Updates: the markers are gone and the meeting is still closing.
    await stack.db.prisma.groupMeetingItem.updateMany({
      where: { meetingId },
      data: { outcome: null, decidedSeq: null, decidedAt: null, failureCode: null, failureMessage: null },
    });
    await stack.db.prisma.groupMeeting.update({
      where: { id: meetingId },
      data: { status: 'CLOSING', closedAt: null },
    });
    const resumed = await close();
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('CLOSED');
    const outcomes = (resumed.body.items as { outcome: string | null }[]).map((i) => i.outcome);
    expect(outcomes).toEqual(['approve', 'approve', 'reject', null, 'approve']);
    for (const id of [apps.memberApplicant, apps.householdOfMember, apps.rejected, apps.approved]) {
      expect(await groupVoteDecisions(id)).toHaveLength(1);
    }
  });

  it('moves the decided applications on and leaves the one without quorum at the group vote', async () => {
    const view = async (id: string) => (await stack.api('GET', `/api/applications/${id}`, { token: leader })).body;
    expect((await view(apps.approved)).currentStep).toBe('ward-verification');
    expect((await view(apps.rejected)).status).toBe('REJECTED');
    const waiting = await view(apps.noQuorum);
    expect(waiting.status).toBe('IN_PROGRESS');
    expect(waiting.currentStep).toBe('group-vote');
  });

  it('cannot be edited once closed', async () => {
    const edit = await stack.api('PATCH', `/api/meetings/${meetingId}`, { token: leader, body: { place: 'Khác' } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('MEETING_CLOSED');
    const refresh = await stack.api('POST', `/api/meetings/${meetingId}/agenda`, { token: leader });
    expect(refresh.status).toBe(409);
  });

  it('produces minutes 10C/TD with the attendance, recusals and votes of each household', async () => {
    const minutes = await stack.api('GET', `/api/meetings/${meetingId}/minutes`, { token: leader });
    expect(minutes.status).toBe(200);
    const body = minutes.body;
    expect(body).toMatchObject({
      form: '10C/TD',
      chair: 'Nguyễn Văn Hùng',
      meetingDate: details.meetingDate,
      place: details.place,
      associationOfficerName: details.associationOfficerName,
      villageHeadName: details.villageHeadName,
      membersTotal: 10,
    });
    expect(body.attendees).toHaveLength(9);
    expect(body.absent).toEqual([M(8).fullName]);
    const [memberItem, householdItem, , noQuorumItem] = body.items;
    expect(memberItem.recused).toEqual([M(9).fullName]);
    expect(memberItem.tally).toMatchObject({ votesFor: 6, votesAgainst: 1, abstentions: 1 });
    expect(householdItem.recused).toEqual([M(7).fullName]);
    expect(householdItem.ballots).toHaveLength(7);
    expect(noQuorumItem.failure.code).toBe('NO_QUORUM');
  });

  it('produces list 03/TD: the households proposed with amount, purpose and term, and the others with why', async () => {
    const list = await stack.api('GET', `/api/meetings/${meetingId}/list`, {
      token: await stack.login('ward.HOABINH'),
    });
    expect(list.status).toBe(200);
    expect(list.body.form).toBe('03/TD');
    expect(list.body.leader).toBe('Nguyễn Văn Hùng');
    expect(
      list.body.rows.map((r: Record<string, unknown>) => [r.no, r.borrowerName, r.amount, r.purpose, r.termMonths]),
    ).toEqual([
      [1, M(9).fullName, 40_000_000, 'Chăn nuôi lợn', 36],
      [2, 'Nguyễn Văn Ánh', 30_000_000, 'Trồng rau sạch', 24],
      [3, 'Nguyễn Văn Ánh', 50_000_000, 'Nuôi bò sinh sản', 36],
    ]);
    expect(list.body.total).toEqual({ households: 3, amount: 120_000_000 });
    expect(list.body.notProposed.map((r: Record<string, unknown>) => [r.outcome, r.code])).toEqual([
      ['reject', 'VOTE_REJECTED'],
      [null, 'NO_QUORUM'],
    ]);
  });
});

describe('the next meeting', () => {
  it('takes up the item without quorum again, and a refresh adds an application filed since it opened', async () => {
    const opened = await stack.api('POST', '/api/groups/HOABINH-01/meetings', { token: leader, body: details });
    expect(opened.status).toBe(201);
    const agenda = (body: { items: { applicationId: string }[] }) => body.items.map((i) => i.applicationId);
    expect(agenda(opened.body)).toEqual([apps.noQuorum]);
    const late = await submit(stack, { amount: 15_000_000 });
    const refreshed = await stack.api('POST', `/api/meetings/${opened.body.id}/agenda`, { token: leader });
    expect(refreshed.status).toBe(200);
    expect(agenda(refreshed.body)).toEqual([apps.noQuorum, late.id]);
  });
});
