/**
 * The meeting page's form as typed, and its way to the API's own schemas: the details (the date as 17/12/2026),
 * the members ticked present, and one radio group per present member per agenda item (`ballot.<application>.<member>`).
 * A refusal's path (`ballots.3.memberId`, `attendees.0`) is turned back into the field it belongs beside.
 */
import { formatDate } from '../domain/format.js';
import type { BallotInput, MeetingRecord, Vote } from '../domain/batches/index.js';
import { VOTES } from '../domain/batches/index.js';
import { parseDateText } from '../domain/registry/dates.js';
import { MeetingDetailsBody, SaveMeetingBody } from '../http/meeting-schemas.js';
import { formErrors } from './form-errors.js';
import type { FieldMessages } from './form-parts.js';
import { formText } from './form-values.js';
import type { Translate } from './labels.js';

export const DETAIL_FIELDS = ['meetingDate', 'place', 'associationOfficerName', 'villageHeadName'] as const;
export type MeetingDetailValues = Record<(typeof DETAIL_FIELDS)[number], string>;

export interface MeetingFormValues {
  details: MeetingDetailValues;
  attendees: string[];
  /** The vote chosen, by ballot field name. */
  ballots: Record<string, Vote>;
}

const BALLOT_PREFIX = 'ballot.';
export const ballotField = (applicationId: string, memberId: string): string =>
  `${BALLOT_PREFIX}${applicationId}.${memberId}`;

const isVote = (value: string): value is Vote => (VOTES as readonly string[]).includes(value);

export function readDetails(form: Record<string, unknown>): MeetingDetailValues {
  return Object.fromEntries(DETAIL_FIELDS.map((name) => [name, formText(form[name])])) as MeetingDetailValues;
}

/** What the form sent: repeated checkboxes come as a list, a single one as text. */
export function readMeetingForm(form: Record<string, unknown>): MeetingFormValues {
  const ticked = form.attendees;
  const attendees = (Array.isArray(ticked) ? ticked : [ticked]).map(formText).filter(Boolean);
  const ballots: Record<string, Vote> = {};
  for (const [name, value] of Object.entries(form)) {
    const vote = formText(value);
    if (name.startsWith(BALLOT_PREFIX) && isVote(vote)) ballots[name] = vote;
  }
  return { details: readDetails(form), attendees, ballots };
}

/** The stored draft as the form shows it. */
export function meetingFormValues(meeting: MeetingRecord): MeetingFormValues {
  const ballots: Record<string, Vote> = {};
  for (const item of meeting.items) {
    for (const ballot of item.ballots) ballots[ballotField(item.applicationId, ballot.memberId)] = ballot.vote;
  }
  return {
    details: {
      meetingDate: formatDate(meeting.meetingDate),
      place: meeting.place,
      associationOfficerName: meeting.associationOfficerName,
      villageHeadName: meeting.villageHeadName,
    },
    attendees: meeting.members.filter((m) => m.present).map((m) => m.id),
    ballots,
  };
}

/** The ballots in the order the schema and the use case number them, each with the field it came from. */
export function ballotList(values: MeetingFormValues): { ballots: BallotInput[]; fields: string[] } {
  const entries = Object.entries(values.ballots);
  const ballots = entries.map(([name, vote]) => {
    const [applicationId = '', memberId = ''] = name.slice(BALLOT_PREFIX.length).split('.');
    return { applicationId, memberId, vote };
  });
  return { ballots, fields: entries.map(([name]) => name) };
}

const asIsoDate = (details: MeetingDetailValues) => ({
  ...details,
  meetingDate: parseDateText(details.meetingDate) ?? details.meetingDate,
});

/** The details typed on the open form, by the same schema as POST /api/groups/{group}/meetings. */
export const parseDetails = (details: MeetingDetailValues) => MeetingDetailsBody.safeParse(asIsoDate(details));

/** The whole draft, by the same schema as PATCH /api/meetings/{id}. */
export function parseDraft(values: MeetingFormValues) {
  const { ballots } = ballotList(values);
  return SaveMeetingBody.safeParse({ ...asIsoDate(values.details), attendees: values.attendees, ballots });
}

/** A refusal's messages beside the fields of this form; null for an error that is not a refusal. */
export function meetingFormErrors(
  error: unknown,
  t: Translate,
  values: MeetingFormValues,
): { fields: FieldMessages; general: string[] } | null {
  const refused = formErrors(error, t);
  if (!refused) return null;
  const { fields: ballotFields } = ballotList(values);
  const fields: FieldMessages = {};
  for (const [path, message] of Object.entries(refused.fields)) {
    const [head, index] = path.split('.');
    const field = head === 'ballots' ? ballotFields[Number(index)] : head === 'attendees' ? 'attendees' : path;
    fields[field ?? path] ??= message;
  }
  return { fields, general: refused.general };
}
