/**
 * The group vote's outcome before it is recorded, in a real browser: with htmx it appears as the tally is typed
 * (keyboard only), computed by the workflow's own rule, the applicant's membership included; without JavaScript
 * the "Xem kết quả" button shows it with the page, the tally kept and a refused number beside its field.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../server/domain/format.js';
import { nextCitizenId, submit, todayInVietnam } from '../support/fixtures.js';
import type { TestStack } from '../support/stack.js';
import { screenshot, startWebTest, type WebTest } from './browser.js';

let web: WebTest;
let stack: TestStack;

/** A borrower who joins group HOABINH-01 (10 members in the seed, then 11). */
const memberCitizenId = nextCitizenId();

beforeAll(async () => {
  web = await startWebTest();
  stack = web.stack;
  const joined = await stack.api('POST', '/api/admin/groups/HOABINH-01/members', {
    token: await stack.login('admin'),
    body: { fullName: 'Nguyễn Văn Ánh', citizenId: memberCitizenId },
  });
  expect(joined.status).toBe(201);
});

afterAll(async () => {
  await web?.close();
});

/** axe runs inside the page, so only the JavaScript context is checked; the one without is only saved. */
const look = (page: Page, name: string): Promise<void> => web.look(page, name);

/** The group leader, signed in, holding the vote of this application. */
async function takeVote(code: string, javaScriptEnabled: boolean): Promise<Page> {
  const page = await web.newPage({ javaScriptEnabled, timeout: 15_000 });
  await web.signIn(page, 'group.HOABINH-01');
  await page.goto(`/applications/${code}`);
  await page.getByRole('button', { name: 'Nhận xử lý bước này' }).click();
  await page.waitForURL(/done=taken/);
  return page;
}

/** Moves the focus with the Tab key alone until it reaches the element with this id. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const outcome = (page: Page) => page.locator('#vote-outcome');

describe('the vote form with htmx', () => {
  it('shows the outcome as the tally is typed, the member applicant counted present but not voting', async () => {
    // The borrower is a member: their own vote never counts, so 4 for of 8 present fails but passes once the
    // applicant is among the 8 (4 of the 7 others).
    const app = await submit(stack, {
      borrower: { fullName: 'Nguyễn Văn Ánh', citizenId: memberCitizenId, dateOfBirth: '1985-04-12' },
    });
    const page = await takeVote(app.code, true);
    await expect(outcome(page).getAttribute('aria-live')).resolves.toBe('polite');
    expect(await outcome(page).textContent()).toContain('Nhập đủ số tổ viên và số phiếu');

    await typeInto(page, 'f-meetingDate', formatDate(todayInVietnam()));
    for (const [id, value] of [
      ['f-membersTotal', '11'],
      ['f-membersPresent', '8'],
      ['f-votesFor', '4'],
      ['f-votesAgainst', '3'],
      ['f-abstentions', '1'],
    ] as const) {
      await typeInto(page, id, value);
    }
    await expect.poll(() => outcome(page).textContent()).toContain('Không đạt: tổ không đồng ý cho vay');
    expect(await outcome(page).textContent()).toContain('4/8 tổ viên được biểu quyết đồng ý; cần hơn 1/2.');
    expect(await outcome(page).textContent()).toContain('Người vay là tổ viên');

    await typeInto(page, 'f-abstentions', '0');
    await tabTo(page, 'f-applicantPresent');
    await page.keyboard.press('Space');
    await expect.poll(() => outcome(page).textContent()).toContain('Đạt: tổ đồng ý cho vay');
    expect(await outcome(page).textContent()).toContain('4/7 tổ viên được biểu quyết đồng ý');
    await look(page, 'vote-preview-passes');

    await typeInto(page, 'f-membersPresent', '5');
    await expect.poll(() => outcome(page).textContent()).toContain('Số liệu chưa khớp');
    expect(await outcome(page).textContent()).toContain('vượt quá 4 tổ viên được biểu quyết');
    await typeInto(page, 'f-votesFor', '2');
    await typeInto(page, 'f-votesAgainst', '1');
    await expect.poll(() => outcome(page).textContent()).toContain('Không đủ số tổ viên dự họp');
    expect(await outcome(page).textContent()).toContain('Có mặt 5/11 tổ viên; cần hơn 1/2 tổng số tổ viên.');
    await look(page, 'vote-preview-no-quorum');
    // The button works with JavaScript too: the whole page, the refused number beside its field.
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    expect(await page.locator('#f-membersPresent-error').textContent()).toBe(
      'Có mặt 5/11 tổ viên; cần hơn 1/2 tổng số tổ viên.',
    );
    expect(await page.locator('#f-membersPresent').inputValue()).toBe('5');
    await look(page, 'vote-preview-refused');

    // Back to the passing tally, recorded with Enter: the workflow's verdict is the one shown.
    await typeInto(page, 'f-membersPresent', '8');
    await typeInto(page, 'f-votesFor', '4');
    await typeInto(page, 'f-votesAgainst', '3');
    await expect.poll(() => outcome(page).textContent()).toContain('Đạt: tổ đồng ý cho vay');
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=decided/);
    expect(await page.locator('.history').textContent()).toContain('Quyết định – Tổ TK&VV bình xét – Đồng ý');
    const state = await stack.queryState(app.id);
    expect(state.currentStep).toBe('ward-verification');
  });
});

describe('the vote form without JavaScript', () => {
  it('shows the outcome with the "Xem kết quả" button, a refused tally beside its field, the input kept', async () => {
    const app = await submit(stack);
    const page = await takeVote(app.code, false);
    const fill = async (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) await page.locator(`#f-${name}`).fill(value);
    };
    await fill({ meetingDate: formatDate(todayInVietnam()), membersTotal: '9', membersPresent: '8' });
    await fill({ votesFor: '5', votesAgainst: '2', abstentions: '1' });
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    expect(await page.locator('#f-membersTotal-error').textContent()).toBe(
      'Tổng số tổ viên phải là 11, đúng số tổ viên hiện có của tổ.',
    );
    expect(await outcome(page).textContent()).toContain('Số liệu chưa khớp');
    expect(await page.locator('#f-votesFor').inputValue()).toBe('5');
    await screenshot(page, 'vote-preview-nojs-refused');

    // This applicant is not a member of the group: counting them present is refused beside the checkbox.
    await fill({ membersTotal: '11' });
    await page.getByLabel('Người vay có mặt').check();
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    expect(await page.locator('.has-error').textContent()).toContain('Người vay không phải tổ viên của tổ');
    expect(await page.getByLabel('Người vay có mặt').isChecked()).toBe(true);

    await page.getByLabel('Người vay có mặt').uncheck();
    await page.getByRole('button', { name: 'Xem kết quả' }).click();
    expect(await outcome(page).textContent()).toContain('Đạt: tổ đồng ý cho vay');
    expect(await outcome(page).textContent()).toContain('5/8 tổ viên được biểu quyết đồng ý');
    expect(await page.locator('#f-membersTotal').inputValue()).toBe('11');
    await screenshot(page, 'vote-preview-nojs');

    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.waitForURL(/done=decided/);
    expect((await stack.queryState(app.id)).currentStep).toBe('ward-verification');
  });
});
