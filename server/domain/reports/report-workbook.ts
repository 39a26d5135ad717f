/**
 * The report as a workbook: a summary sheet (the stocks on the date and the period's flows, labelled in
 * Vietnamese), then one sheet per ward, per month and per capital source. Amounts are number cells, so the sheets
 * sum and chart; the page serves the same file as the API.
 */
import { writeWorkbook, type SheetRow } from '../forms/xlsx-kit.js';
import type { PortfolioReport } from './types.js';

const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100);

/** The file's name: the district (and the narrower scope) and the date, in Vietnamese. */
export function reportFileName(report: PortfolioReport): string {
  const { scopeNames: names, query } = report;
  const narrower = [query.wardCode, query.programCode, query.sourceCode].filter(Boolean).join(' ');
  const scope = narrower ? `${names.district} ${narrower}` : names.district;
  return `Báo cáo dư nợ ${scope} đến ngày ${query.on.split('-').reverse().join('-')}.xlsx`;
}

function summaryRows(report: PortfolioReport): SheetRow[] {
  const { asOf, period, query, scopeNames: names } = report;
  const text = (label: string, value: string): SheetRow => ({ label, text: value });
  const money = (label: string, amount: number): SheetRow => ({ label, amount });
  const count = (label: string, value: number): SheetRow => ({ label, count: value });
  return [
    text('Huyện (quận)', names.district),
    ...(names.ward ? [text('Xã (phường)', names.ward)] : []),
    ...(names.program ? [text('Chương trình cho vay', names.program)] : []),
    ...(names.source ? [text('Nguồn vốn', names.source)] : []),
    text('Số liệu đến ngày', dmy(query.on)),
    money('Tổng nguồn vốn', asOf.capital),
    money('Dư nợ (theo nguồn vốn)', asOf.outstanding),
    money('Vốn đã duyệt chờ giải ngân', asOf.reserved),
    money('Nguồn vốn còn khả dụng (tồn quỹ)', asOf.available),
    money('Dư nợ cho vay', asOf.loanOutstanding),
    money('Nợ quá hạn', asOf.overdue),
    count('Tỷ lệ nợ quá hạn (%)', percent(asOf.overdue, asOf.loanOutstanding)),
    count('Số hộ còn dư nợ', asOf.borrowers),
    text('Kỳ báo cáo', `${dmy(query.from)} – ${dmy(query.to)}`),
    count('Số món vay đã giải ngân', period.loansDisbursed),
    money('Doanh số cho vay', period.amountDisbursed),
    count('Số hộ được vay vốn', period.householdsServed),
    money('Doanh số thu nợ gốc', period.principalRepaid),
    money('Lãi đã thu', period.interestCollected),
  ];
}

export function reportWorkbook(report: PortfolioReport): Promise<Uint8Array> {
  const { wards, months, sources } = report;
  const total = <T>(rows: readonly T[], pick: (row: T) => number): number => rows.reduce((s, r) => s + pick(r), 0);
  return writeWorkbook(
    {
      name: 'Tổng hợp',
      columns: [
        { header: 'Chỉ tiêu', key: 'label', width: 36 },
        { header: 'Số tiền (đồng)', key: 'amount', width: 22, format: 'money' },
        { header: 'Số lượng / tỷ lệ', key: 'count', width: 18, format: 'number' },
        { header: 'Nội dung', key: 'text', width: 44, format: 'text' },
      ],
      rows: summaryRows(report),
    },
    {
      name: 'Theo xã phường',
      columns: [
        { header: 'Mã xã (phường)', key: 'code', width: 16, format: 'text' },
        { header: 'Tên xã (phường)', key: 'name', width: 28 },
        { header: 'Dư nợ', key: 'outstanding', width: 20, format: 'money' },
        { header: 'Nợ quá hạn', key: 'overdue', width: 18, format: 'money' },
        { header: 'Tỷ lệ nợ quá hạn (%)', key: 'ratio', width: 20, format: 'number' },
        { header: 'Số hộ còn dư nợ', key: 'borrowers', width: 16, format: 'number' },
      ],
      rows: wards.map((w) => ({
        code: w.wardCode,
        name: w.wardName,
        outstanding: w.outstanding,
        overdue: w.overdue,
        ratio: percent(w.overdue, w.outstanding),
        borrowers: w.borrowers,
      })),
      totals: {
        name: 'Cộng',
        outstanding: total(wards, (w) => w.outstanding),
        overdue: total(wards, (w) => w.overdue),
        ratio: percent(
          total(wards, (w) => w.overdue),
          total(wards, (w) => w.outstanding),
        ),
        borrowers: total(wards, (w) => w.borrowers),
      },
    },
    {
      name: 'Theo tháng',
      columns: [
        { header: 'Tháng', key: 'month', width: 10, format: 'text' },
        { header: 'Dư nợ cuối tháng', key: 'outstanding', width: 20, format: 'money' },
        { header: 'Nợ quá hạn cuối tháng', key: 'overdue', width: 22, format: 'money' },
        { header: 'Doanh số cho vay', key: 'disbursed', width: 20, format: 'money' },
        { header: 'Doanh số thu nợ gốc', key: 'repaid', width: 20, format: 'money' },
      ],
      rows: months.map((m) => ({ ...m, month: `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}` })),
      totals: { month: 'Cộng', disbursed: total(months, (m) => m.disbursed), repaid: total(months, (m) => m.repaid) },
    },
    {
      name: 'Theo nguồn vốn',
      columns: [
        { header: 'Mã nguồn vốn', key: 'code', width: 22, format: 'text' },
        { header: 'Tên nguồn vốn', key: 'name', width: 44 },
        { header: 'Loại', key: 'kind', width: 14 },
        { header: 'Tổng nguồn vốn', key: 'capital', width: 20, format: 'money' },
        { header: 'Dư nợ', key: 'outstanding', width: 20, format: 'money' },
        { header: 'Chờ giải ngân', key: 'reserved', width: 18, format: 'money' },
        { header: 'Tồn quỹ', key: 'available', width: 20, format: 'money' },
      ],
      rows: sources.map((s) => ({ ...s, kind: s.kind === 'central' ? 'Trung ương' : 'Địa phương' })),
      totals: {
        name: 'Cộng',
        capital: total(sources, (s) => s.capital),
        outstanding: total(sources, (s) => s.outstanding),
        reserved: total(sources, (s) => s.reserved),
        available: total(sources, (s) => s.available),
      },
    },
  );
}
