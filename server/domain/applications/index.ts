export type { WorkflowDeps } from './workflow-deps.js';
export { findApplication, type ApplicationRef } from './find-application.js';
export { submitApplication, applicantOf, type CreateApplicationBody } from './submit-application.js';
export { startStep, decideStep } from './act-on-step.js';
export {
  amendApplication,
  findForApplicantAction,
  withdrawApplication,
  type AmendApplicationBody,
  type ApplicantCaller,
  type WithdrawBody,
} from './amend-or-withdraw.js';
export { lookupStatus, statusInclude, type StatusRow } from './status-lookup.js';
export { readApplicationFor, readApplicationRow } from './read-application.js';
export { listApplications, type ApplicationFilter, type ListedApplication } from './list-applications.js';
export { listFilterChoices } from './list-choices.js';
export { previewVote, readGroupMembership, type VotePreview, type VoteTally } from './vote-preview.js';
