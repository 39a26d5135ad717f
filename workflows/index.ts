export { processLoanApplication } from './process-loan-application.js';
export { notifyBatch } from './notify-batch.js';
