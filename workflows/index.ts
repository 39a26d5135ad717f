export { processLoanApplication } from './process-loan-application.js';
