/**
 * Minutes 10C/TD, "Biên bản họp Tổ TK&VV bình xét cho vay": who met, where and when, each household discussed
 * with its votes by name and the result, the summary table, and the signatures of the chair, the secretary,
 * the association's officer and the village head. Pure: the closed meeting's minutes in, the document out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Minutes } from '../batches/index.js';
import { formatDate } from '../format.js';
import {
  dateInWords,
  formDocument,
  formHeader,
  householdsTotal,
  money,
  numberedFields,
  sectionHeading,
  signingPart,
  totalsTable,
} from './form-kit.js';
import { associationName, groupIssuer, notDecidedText } from './meeting-labels.js';

type Item = Minutes['items'][number];

const VOTE_WORDS = { FOR: 'Tán thành', AGAINST: 'Không tán thành', ABSTAIN: 'Không biểu quyết' } as const;

const names = (list: readonly string[]): string => (list.length > 0 ? list.join(', ') : 'không');

function resultText(item: Item): string {
  if (item.outcome === 'approve') return 'Đề nghị cho vay';
  if (item.outcome === 'reject') return 'Không đề nghị cho vay';
  return notDecidedText(item.failure);
}

function attendance(minutes: Minutes): Content {
  const association = associationName(minutes.group.associationCode);
  return [
    sectionHeading('I. THÀNH PHẦN THAM DỰ'),
    numberedFields([
      { label: 'Chủ trì (Tổ trưởng Tổ TK&VV)', value: minutes.chair ?? '' },
      { label: 'Thư ký', value: '' },
      { label: `Đại diện ${association}`, value: minutes.associationOfficerName },
      { label: 'Trưởng thôn/Tổ trưởng tổ dân phố', value: minutes.villageHeadName },
      { label: 'Tổng số tổ viên của Tổ', value: `${minutes.membersTotal} người` },
      {
        label: 'Số tổ viên có mặt',
        value: `${minutes.attendees.length}/${minutes.membersTotal} người: ${names(minutes.attendees)}`,
      },
      { label: 'Số tổ viên vắng mặt', value: `${minutes.absent.length} người: ${names(minutes.absent)}` },
    ]),
  ];
}

function itemParagraph(item: Item, index: number): Content {
  const voters = (vote: keyof typeof VOTE_WORDS) => item.ballots.filter((b) => b.vote === vote).map((b) => b.fullName);
  const tally = item.tally;
  const counted = tally ? `${tally.membersPresent} tổ viên tham gia; ` : '';
  return {
    margin: [0, 3, 0, 3],
    stack: [
      {
        text: [
          { text: `${index + 1}. Hộ ${item.borrowerName}`, bold: true },
          ` (hồ sơ ${item.applicationCode}): đề nghị vay ${money(item.amount)}, thời hạn ${item.termMonths} tháng, `,
          `mục đích: ${item.purpose}.`,
        ],
      },
      {
        margin: [12, 0, 0, 0],
        stack: [
          `Biểu quyết: ${counted}${(Object.keys(VOTE_WORDS) as (keyof typeof VOTE_WORDS)[])
            .map((vote) => `${VOTE_WORDS[vote].toLowerCase()} ${voters(vote).length}`)
            .join(', ')}.`,
          ...(Object.keys(VOTE_WORDS) as (keyof typeof VOTE_WORDS)[])
            .filter((vote) => voters(vote).length > 0)
            .map((vote) => ({ text: `${VOTE_WORDS[vote]}: ${names(voters(vote))}.`, italics: true, fontSize: 10 })),
          ...(item.recused.length > 0
            ? [
                {
                  text: `Không tham gia biểu quyết (người vay, thành viên hộ người vay): ${names(item.recused)}.`,
                  italics: true,
                  fontSize: 10,
                },
              ]
            : []),
          { text: [`Kết quả: `, { text: resultText(item), bold: true }] },
        ],
      },
    ],
  };
}

function summary(minutes: Minutes): Content {
  const proposed = minutes.items.filter((item) => item.outcome === 'approve');
  return [
    sectionHeading('III. KẾT QUẢ BÌNH XÉT'),
    totalsTable(
      [
        { header: 'STT', width: 24, align: 'center' },
        { header: 'Họ và tên người vay', width: '*' },
        { header: 'Số tiền đề nghị vay', width: 82, align: 'right' },
        { header: 'Thời hạn (tháng)', width: 44, align: 'center' },
        { header: 'Tán thành / không / không biểu quyết', width: 74, align: 'center' },
        { header: 'Kết quả', width: 104 },
      ],
      minutes.items.map((item, i) => [
        String(i + 1),
        item.borrowerName,
        money(item.amount),
        String(item.termMonths),
        item.tally ? `${item.tally.votesFor} / ${item.tally.votesAgainst} / ${item.tally.abstentions}` : '',
        resultText(item),
      ]),
      [
        '',
        `${householdsTotal(proposed.length)} đề nghị cho vay`,
        money(proposed.reduce((s, i) => s + i.amount, 0)),
        '',
        '',
        '',
      ],
    ),
  ];
}

export function minutes10cTd(minutes: Minutes): TDocumentDefinitions {
  const { group } = minutes;
  const association = associationName(group.associationCode);
  return formDocument(`10C/TD ${group.code} ${minutes.meetingDate}`, [
    formHeader({
      formCode: '10C/TD',
      issuer: groupIssuer(group),
      title: 'Biên bản họp Tổ tiết kiệm và vay vốn',
      subtitle: '(V/v bình xét hộ gia đình đề nghị vay vốn Ngân hàng Chính sách xã hội)',
    }),
    {
      text: `Hôm nay, ${dateInWords(minutes.meetingDate)}, tại ${minutes.place}, ${group.name} (${group.village}, ${group.wardName}) họp bình xét các hộ gia đình đề nghị vay vốn.`,
      margin: [0, 6, 0, 0],
    },
    attendance(minutes),
    sectionHeading('II. NỘI DUNG BÌNH XÉT'),
    {
      text: 'Tổ đã bình xét công khai từng hộ; người vay và thành viên hộ người vay không biểu quyết hồ sơ của hộ mình. Kết quả biểu quyết như sau:',
      italics: true,
      fontSize: 10,
    },
    ...minutes.items.map(itemParagraph),
    summary(minutes),
    {
      text: `Biên bản đã được đọc lại cho mọi người dự họp cùng nghe và nhất trí thông qua${minutes.closedAt ? `; cuộc họp kết thúc ngày ${formatDate(minutes.closedAt)}` : ''}.`,
    },
    signingPart(
      group.wardName,
      minutes.meetingDate,
      [{ title: 'Thư ký' }, { title: 'Chủ trì (Tổ trưởng)', name: minutes.chair ?? ' ' }],
      [
        { title: `Đại diện ${association}`, name: minutes.associationOfficerName },
        { title: 'Trưởng thôn', name: minutes.villageHeadName },
      ],
    ),
  ]);
}
