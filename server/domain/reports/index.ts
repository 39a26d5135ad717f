export { readPortfolioReport, reportMonths } from './read-report.js';
export { defaultReportDistrict } from './report-scope.js';
export type * from './types.js';
export { reportFileName, reportWorkbook } from './report-workbook.js';
