export {
  BANK_ROLES,
  listScheduledDays,
  listTransactionPoints,
  readTransactionDay,
  type TransactionDay,
  type TransactionDayQuery,
  type TransactionDayRow,
  type TransactionPoint,
} from './transaction-day.js';
export { markDisbursed } from './mark-disbursed.js';
export { writeTransactionDayXlsx } from './transaction-day-xlsx.js';
export { carryOverRow, closeTransactionDay, type CarriedOver, type CarryOverRefusal } from './carry-over.js';
