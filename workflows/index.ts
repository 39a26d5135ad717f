export { processLoanApplication } from './process-loan-application.js';
export { loanWorkflow } from './loan.js';
export { notifyBatch } from './notify-batch.js';
