/** The group vote's computed outcome beside its tally; part of LABELS in labels.ts. */
import type { Bilingual, MoreThanFraction } from '../../workflows/domain.js';

export const VOTE_LABELS = {
  voteOutcomeTitle: { vi: 'Kết quả bình xét theo số liệu đã nhập', en: 'The outcome of the tally as typed' },
  votePreview: { vi: 'Xem kết quả', en: 'Show the outcome' },
  votePasses: { vi: 'Đạt: tổ đồng ý cho vay', en: 'Passes: the group approves the loan' },
  voteFails: { vi: 'Không đạt: tổ không đồng ý cho vay', en: 'Fails: the group does not approve the loan' },
  voteNoQuorum: { vi: 'Không đủ số tổ viên dự họp', en: 'No quorum' },
  voteInconsistent: { vi: 'Số liệu chưa khớp', en: 'The tally does not add up' },
  voteIncomplete: {
    vi: 'Nhập đủ số tổ viên và số phiếu để xem kết quả trước khi ghi.',
    en: 'Enter the members and the votes to see the outcome before recording it.',
  },
  voteApplicantMember: {
    vi: 'Người vay là tổ viên: nếu có mặt thì được tính vào số dự họp nhưng không biểu quyết cho hồ sơ của mình.',
    en: 'The applicant is a member: if present they count towards the quorum but do not vote on their own application.',
  },
  voteApplicantOutsider: {
    vi: 'Người vay không phải tổ viên của tổ: không được tính vào số dự họp.',
    en: 'The applicant is not a member of the group: they do not count as present.',
  },
  voteWhyPresent: {
    vi: 'Số tổ viên dự họp vượt quá tổng số tổ viên.',
    en: 'More members present than members in the group.',
  },
  voteWhyApplicantAlone: {
    vi: 'Người vay được tính có mặt nhưng số dự họp là 0.',
    en: 'The applicant is counted present but nobody was.',
  },
} as const satisfies Record<string, Bilingual>;

const share = (f: MoreThanFraction): string => `${f.numerator}/${f.denominator}`;

/** The sentences that say why, with the meeting's numbers in them. */
export const VOTE_REASONS = {
  quorum: (present: number, total: number, quorum: MoreThanFraction): Bilingual => ({
    vi: `Có mặt ${present}/${total} tổ viên; cần hơn ${share(quorum)} tổng số tổ viên.`,
    en: `${present} of ${total} members present; more than ${share(quorum)} of the members are needed.`,
  }),
  approval: (votesFor: number, voters: number, approval: MoreThanFraction): Bilingual => ({
    vi: `${votesFor}/${voters} tổ viên được biểu quyết đồng ý; cần hơn ${share(approval)}.`,
    en: `${votesFor} of the ${voters} members who may vote are for; more than ${share(approval)} are needed.`,
  }),
  memberCount: (count: number): Bilingual => ({
    vi: `Tổng số tổ viên phải là ${count}, đúng số tổ viên hiện có của tổ.`,
    en: `The members in the group must be ${count}, the group's current membership.`,
  }),
  tooManyVotes: (voters: number): Bilingual => ({
    vi: `Tổng số phiếu vượt quá ${voters} tổ viên được biểu quyết (người vay không biểu quyết).`,
    en: `More votes than the ${voters} members who may vote (the applicant casts none).`,
  }),
};
