import { expect } from 'vitest';
import { todayInVietnam } from './fixtures.js';
import type { TestStack } from './stack.js';

export const meetingDetails = () => ({
  meetingDate: todayInVietnam(),
  place: 'Nhà văn hóa Tổ dân phố 3',
  associationOfficerName: 'Lê Thị Minh Thư',
  villageHeadName: 'Phạm Văn Đức',
});

/** The group's meeting that is not closed yet, if any. */
async function openMeetingId(stack: TestStack, group: string, token: string): Promise<string | undefined> {
  const listed = await stack.api<{ id: string; status: string }[]>('GET', `/api/groups/${group}/meetings`, { token });
  return listed.body.find((m) => m.status !== 'CLOSED')?.id;
}

/** A draft meeting of the group, opened by its leader (`token`): the one already open, or a new one. */
export async function draftMeeting(stack: TestStack, group: string, token: string): Promise<string> {
  const open = await openMeetingId(stack, group, token);
  if (open) return open;
  const opened = await stack.api('POST', `/api/groups/${group}/meetings`, { token, body: meetingDetails() });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return opened.body.id;
}

/** Closes the group's open meeting, if any, so that a new one can be opened. */
export async function closeOpenMeeting(stack: TestStack, group: string, token: string): Promise<string | undefined> {
  const open = await openMeetingId(stack, group, token);
  if (!open) return undefined;
  const closed = await stack.api('POST', `/api/meetings/${open}/close`, { token });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  return open;
}

/** A closed meeting of the group. */
export async function closedMeeting(stack: TestStack, group: string, token: string): Promise<string> {
  await draftMeeting(stack, group, token);
  const id = await closeOpenMeeting(stack, group, token);
  if (!id) throw new Error('no meeting to close');
  return id;
}
