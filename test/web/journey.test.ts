/**
 * One application from /apply to DISBURSED entirely through pages, in both step orders: each officer signs in
 * as themselves, takes their step from the inbox and fills its decision form; the applicant's status page is
 * read after every step.
 */
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepName } from '../../workflows/domain.js';
import { formatDate } from '../../server/domain/format.js';
import {
  BRIEF,
  OFF_SCHEDULE_REASON,
  OFFICER_FOR_STEP,
  PUBLISHED,
  nextCitizenId,
  todayInVietnam,
} from '../support/fixtures.js';
import { startWebTest, type WebTest } from './browser.js';
import { fillApplication, signIn } from './forms.js';

let web: WebTest;

beforeAll(async () => {
  web = await startWebTest();
});

afterAll(async () => {
  await web?.close();
});

const newPage = (): Promise<Page> => web.newPage({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });

async function fillDecision(page: Page, step: StepName, manager: boolean): Promise<void> {
  const approve = () => page.getByRole('radio', { name: 'Đồng ý' }).check();
  switch (step) {
    case 'ward-verification':
      await approve();
      await page.getByLabel('Xác nhận hộ cư trú hợp pháp tại địa phương').check();
      await page.getByLabel('Phân loại hộ theo danh sách của phường/xã').selectOption('POOR');
      return;
    case 'entrustment':
      await approve();
      await page.getByLabel('Hội đoàn thể nhận ủy thác', { exact: true }).selectOption('FARMERS');
      await page.getByLabel('Hồ sơ đầy đủ').check();
      return;
    case 'group-vote':
      await page.getByLabel('Ngày họp').fill(formatDate(todayInVietnam()));
      await page.getByLabel('Tổng số tổ viên').fill('10');
      await page.getByLabel('Số tổ viên dự họp').fill('8');
      await page.getByLabel('Số phiếu đồng ý', { exact: true }).fill('7');
      await page.getByLabel('Số phiếu không đồng ý').fill('1');
      await page.getByLabel('Số phiếu không biểu quyết').fill('0');
      return;
    case 'bank-approval':
      await approve();
      if (manager) return;
      await page.getByLabel('Số tiền cho vay (đồng)').fill('50.000.000');
      await page.getByLabel('Thời hạn vay (tháng)').fill('36');
      return;
    case 'disbursement':
      await approve();
      await page.getByLabel('Số tiền giải ngân (đồng)').fill('50.000.000');
      await page.getByLabel('Ngày giải ngân').fill(formatDate(todayInVietnam()));
      await page.getByLabel('Nơi giao dịch').fill('Điểm giao dịch xã Hòa Bình');
      await page.getByLabel('Lý do').fill(OFF_SCHEDULE_REASON);
      return;
  }
}

/** The officer signs in, opens the application from the inbox, takes the step and records the decision. */
async function decideThroughPages(code: string, step: StepName, username: string): Promise<Page> {
  const page = await newPage();
  await signIn(page, username);
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('button', { name: 'Nhận xử lý bước này' }).click();
  const manager = username === 'bank.manager';
  await fillDecision(page, step, manager);
  await page.getByRole('button', { name: 'Ghi quyết định' }).click();
  await page.waitForURL(/done=decided/);
  return page;
}

async function statusOf(code: string, last4: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`/status?code=${encodeURIComponent(code)}`);
  await page.getByLabel('4 số cuối CCCD').fill(last4);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  return page;
}

describe('an application carried through the pages', () => {
  it.each([
    ['POOR', PUBLISHED],
    ['JOB_CREATION', BRIEF],
  ] as const)('reaches DISBURSED for %s, in the order %j', async (programCode, order) => {
    const citizenId = nextCitizenId();
    const applicant = await newPage();
    await fillApplication(applicant, citizenId, programCode);
    await applicant.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await applicant.waitForURL(/\/apply\/submitted/);
    const code = (await applicant.locator('.big-code').textContent()) ?? '';

    for (const step of order) {
      const page = await decideThroughPages(code, step, OFFICER_FOR_STEP[step]);
      if (step === 'bank-approval') {
        expect(await page.locator('.facts').last().textContent()).toContain('50.000.000 đ, 36 tháng');
        await web.look(page, 'application-bank-proposed');
        // Four eyes: the credit officer who proposed is offered nothing more; the manager confirms.
        expect(await page.getByRole('button', { name: 'Nhận xử lý bước này' }).count()).toBe(0);
        await decideThroughPages(code, step, 'bank.manager');
      }
      const status = await statusOf(code, citizenId.slice(-4));
      expect(await status.locator(`.timeline li.step-done`).count()).toBe(order.indexOf(step) + 1);
    }

    const status = await statusOf(code, citizenId.slice(-4));
    expect(await status.locator('.facts').textContent()).toContain('Đã giải ngân');
    expect(await status.locator('.facts').textContent()).toContain('50.000.000 đ, 36 tháng');
    expect(await status.locator('body').textContent()).not.toContain('Cán bộ');
    await web.look(status, `status-disbursed-${programCode}`);
  });
});
