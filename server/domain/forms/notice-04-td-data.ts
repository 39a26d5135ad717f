/**
 * Notice 04/TD (Thông báo kết quả phê duyệt cho vay): what the bank sends a group once its manager has confirmed a
 * batch. The batch use case builds it; the PDF and XLSX renderers draw it. Amounts are whole VND.
 */
export interface Notice04ApprovedRow {
  no: number;
  applicationCode: string;
  borrowerName: string;
  programCode: string;
  programName: string;
  amount: number;
  /** The programme's yearly rate, as the programme version states it ("6.6" means 6,6 %/năm). */
  annualRatePercent: string;
  termMonths: number;
  /** ISO date (yyyy-mm-dd) of the final instalment. */
  finalDueDate: string;
}

export interface Notice04RefusedRow {
  no: number;
  applicationCode: string;
  borrowerName: string;
  /** What the bank decided for the row: returned for correction or rejected. */
  outcome: 'return' | 'reject';
  reason: string;
}

/** A row the batch could not decide: refused by the workflow (withdrawn meanwhile, held by another) or sent back. */
export interface Notice04PendingRow {
  no: number;
  applicationCode: string;
  borrowerName: string;
  code: string;
  reason: string;
}

export interface Notice04Data {
  form: '04/TD';
  batchId: string;
  /** ISO date the manager confirmed the batch. */
  issuedOn: string;
  /** The bank's office issuing the notice (the transaction office serving the ward). */
  bankOffice: string;
  ward: { code: string; name: string };
  group: { code: string; name: string; leaderName: string | null };
  association: { code: string; name: string };
  /** ISO date and place where the approved borrowers come to receive the money. */
  transactionDay: string | null;
  transactionPoint: string | null;
  approved: Notice04ApprovedRow[];
  refused: Notice04RefusedRow[];
  /** Rows neither approved nor refused by the bank in this batch; they stay at bank approval. */
  notDecided?: Notice04PendingRow[] | undefined;
  total: { households: number; amount: number };
  creditOfficerName: string | null;
  managerName: string | null;
}
