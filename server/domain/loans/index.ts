export * from './interest-collections.js';
export * from './loan-access.js';
export * from './loan-actions.js';
export * from './loan-tasks.js';
export * from './loan-views.js';
export * from './read-loans.js';
export { recordLoanPayment } from './record-payment.js';
