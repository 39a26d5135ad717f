export { openMeeting, refreshAgenda, type MeetingDetails, type OpenMeetingInput } from './open-meeting.js';
export { saveMeeting, VOTES, type BallotInput, type SaveMeetingInput, type Vote } from './save-meeting.js';
export { closeMeeting } from './close-meeting.js';
export {
  listMeetings,
  readMeeting,
  type MeetingItem,
  type MeetingMember,
  type MeetingRecord,
  type MeetingSummary,
} from './read-meeting.js';
export { readList03, readMinutes, type List03, type Minutes } from './meeting-forms.js';
export { tallyFromBallots } from './meeting-tally.js';
export { BATCH_STEPS, type BatchStep, type BatchStatus } from './batch-scope.js';
export { openBatch, type OpenBatchInput } from './open-batch.js';
export { listBatches, readBatch, type BatchRecord, type BatchSummary } from './read-batch.js';
export { saveBatch, type SaveBatchInput } from './save-batch.js';
export { submitBatch } from './submit-batch.js';
export { confirmBatch, NOTIFY_BATCH_WORKFLOW, notifyBatchWorkflowId } from './confirm-batch.js';
export { loadNotice04, readNotice04 } from './batch-notice.js';
export { previewMeeting, type MeetingDraft } from './meeting-preview.js';
export { readMeetingGroup, type MeetingGroup } from './meeting-group.js';
