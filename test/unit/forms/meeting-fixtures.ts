/** A closed meeting's minutes and list 03/TD as the use cases produce them, for the layout tests. */
import type { List03, Minutes } from '../../../server/domain/batches/index.js';

/** Typed with combining marks, as some keyboards send it: the forms must draw it composed. */
export const DECOMPOSED = 'Đặng Thị Huệ'.normalize('NFD');

const group = {
  code: 'HOABINH-01',
  name: 'Tổ TK&VV tổ dân phố 3 – Hội Nông dân',
  village: 'Tổ dân phố 3',
  wardCode: 'HOABINH',
  wardName: 'Phường Hòa Bình',
  associationCode: 'FARMERS',
};

const tally = (votesFor: number, votesAgainst: number, abstentions: number) => ({
  meetingDate: '2026-12-17',
  membersTotal: 10,
  membersPresent: votesFor + votesAgainst + abstentions,
  votesFor,
  votesAgainst,
  abstentions,
  applicantPresent: false,
});

const voters = ['Nguyễn Văn Hùng', 'Trần Thị Lụa', 'Phạm Quốc Việt', 'Lê Thị Ngọc Hân', 'Vũ Đình Thắng'];

export const MINUTES: Minutes = {
  form: '10C/TD',
  meetingId: 'm-1',
  group,
  chair: 'Nguyễn Văn Hùng',
  meetingDate: '2026-12-17',
  place: 'Nhà văn hóa Tổ dân phố 3',
  associationOfficerName: 'Lê Thị Minh Thư',
  villageHeadName: 'Phạm Văn Đức',
  membersTotal: 10,
  attendees: [...voters, 'Hoàng Văn Bách'],
  absent: ['Đỗ Thị Mến'],
  items: [
    {
      position: 1,
      applicationCode: 'HOABINH-2026-000101',
      borrowerName: DECOMPOSED,
      amount: 40_000_000,
      purpose: 'Chăn nuôi lợn',
      termMonths: 36,
      recused: ['Hoàng Văn Bách'],
      ballots: voters.map((fullName, i) => ({ fullName, vote: i < 4 ? 'FOR' : 'ABSTAIN' })),
      tally: tally(4, 0, 1),
      outcome: 'approve',
      failure: null,
    },
    {
      position: 2,
      applicationCode: 'HOABINH-2026-000102',
      borrowerName: 'Trịnh Văn Đức',
      amount: 60_000_000,
      purpose: 'Mua máy cày',
      termMonths: 48,
      recused: [],
      ballots: voters.map((fullName, i) => ({ fullName, vote: i < 2 ? 'FOR' : 'AGAINST' })),
      tally: tally(2, 3, 0),
      outcome: 'reject',
      failure: null,
    },
    {
      position: 3,
      applicationCode: 'HOABINH-2026-000103',
      borrowerName: 'Ngô Thị Xuân',
      amount: 20_000_000,
      purpose: 'Trồng rau sạch',
      termMonths: 24,
      recused: [],
      ballots: voters.slice(0, 3).map((fullName) => ({ fullName, vote: 'FOR' })),
      tally: null,
      outcome: null,
      failure: { code: 'NO_QUORUM', message: 'No quorum' },
    },
  ],
  closedBy: 'group.HOABINH-01',
  closedAt: '2026-12-17T03:00:00.000Z',
};

export const LIST: List03 = {
  form: '03/TD',
  meetingId: 'm-1',
  group,
  leader: 'Nguyễn Văn Hùng',
  meetingDate: '2026-12-17',
  rows: [
    {
      no: 1,
      applicationCode: 'HOABINH-2026-000101',
      borrowerName: DECOMPOSED,
      householdCategory: 'POOR',
      programCode: 'HN',
      amount: 40_000_000,
      purpose: 'Chăn nuôi lợn',
      termMonths: 36,
    },
    {
      no: 2,
      applicationCode: 'HOABINH-2026-000104',
      borrowerName: 'Lương Thế Vinh',
      householdCategory: 'NEAR_POOR',
      programCode: 'HCN',
      amount: 55_000_000,
      purpose: 'Nuôi bò sinh sản',
      termMonths: 60,
    },
  ],
  total: { households: 2, amount: 95_000_000 },
  notProposed: [
    {
      applicationCode: 'HOABINH-2026-000102',
      borrowerName: 'Trịnh Văn Đức',
      outcome: 'reject',
      code: 'VOTE_REJECTED',
      reason: '2 of 5 votes for: no majority',
    },
    {
      applicationCode: 'HOABINH-2026-000103',
      borrowerName: 'Ngô Thị Xuân',
      outcome: null,
      code: 'NO_QUORUM',
      reason: '',
    },
  ],
};
