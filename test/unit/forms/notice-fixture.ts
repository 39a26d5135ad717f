/** A notice 04/TD as the batch use case fills it, for the renderer tests. */
import type { Notice04Data } from '../../../server/domain/forms/notice-04-td-data.js';

/** Typed with combining marks: the notice must draw it composed. */
export const DECOMPOSED_BORROWER = 'Bùi Thị Phượng'.normalize('NFD');

export const NOTICE: Notice04Data = {
  form: '04/TD',
  batchId: 'b-1',
  issuedOn: '2026-12-10',
  bankOffice: 'Phòng giao dịch NHCSXH huyện Kiến Xương',
  ward: { code: 'HOABINH', name: 'Phường Hòa Bình' },
  group: { code: 'HOABINH-01', name: 'Tổ TK&VV tổ dân phố 3 – Hội Nông dân', leaderName: 'Nguyễn Văn Hùng' },
  association: { code: 'FARMERS', name: 'Hội Nông dân Phường Hòa Bình' },
  transactionDay: '2026-12-17',
  transactionPoint: 'Điểm giao dịch xã Hòa Bình',
  approved: [
    {
      no: 1,
      applicationCode: 'HOABINH-2026-000101',
      borrowerName: DECOMPOSED_BORROWER,
      programCode: 'HN',
      programName: 'Cho vay hộ nghèo',
      amount: 40_000_000,
      annualRatePercent: '6.6',
      termMonths: 36,
      finalDueDate: '2029-12-17',
    },
    {
      no: 2,
      applicationCode: 'HOABINH-2026-000104',
      borrowerName: 'Lương Thế Vinh',
      programCode: 'HCN',
      programName: 'Cho vay hộ cận nghèo',
      amount: 55_000_000,
      annualRatePercent: '7.92',
      termMonths: 60,
      finalDueDate: '2031-12-17',
    },
  ],
  refused: [
    {
      no: 1,
      applicationCode: 'HOABINH-2026-000105',
      borrowerName: 'Đinh Công Tráng',
      outcome: 'return',
      reason: 'Thiếu giấy xác nhận hộ cận nghèo năm 2026',
    },
    {
      no: 2,
      applicationCode: 'HOABINH-2026-000106',
      borrowerName: 'Phan Thị Yến',
      outcome: 'reject',
      reason: 'Hộ còn nợ quá hạn tại ngân hàng',
    },
  ],
  total: { households: 2, amount: 95_000_000 },
  creditOfficerName: 'Trần Minh Khoa',
  managerName: 'Hoàng Thị Lan',
};
