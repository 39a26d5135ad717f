/**
 * The application page tells the bank why a confirmation waits for capital, in a real browser over the real
 * stack, and stops saying it once the capital is reserved.
 */
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalFor, decideAs, runStep, startAs, submit } from '../support/fixtures.js';
import { startStack, type TestStack } from '../support/stack.js';
import { launchBrowser, screenshot, seriousViolations } from './browser.js';
import { signIn } from './forms.js';
import type { StepName } from '../../workflows/domain.js';

let stack: TestStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1024, height: 800 } });
  return context.newPage();
}

async function capital(code: string, path: 'recalls' | 'entrustments', amount?: number): Promise<void> {
  const token = await stack.login('bank.manager');
  const source = await stack.api<{ available: number }>('GET', `/api/capital-sources/${code}`, { token });
  const response = await stack.api('POST', `/api/capital-sources/${code}/${path}`, {
    token,
    body: { amount: amount ?? source.body.available, on: '2026-11-02', decisionNumber: '5/QĐ-UBND' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}

describe('the bank manager, at bank approval without capital', () => {
  it('reads why the confirmation waits, until the capital is topped up and reserved', async () => {
    await capital('NSDP-KIENXUONG', 'recalls');
    await capital('TW-KIENXUONG-POOR', 'recalls');
    const app = await submit(stack);
    const token = await stack.login('bank.manager');
    const currentStep = async () =>
      (await stack.api<{ currentStep: StepName }>('GET', `/api/applications/${app.id}`, { token })).body.currentStep;
    for (let current = await currentStep(); current !== 'bank-approval'; current = await currentStep()) {
      await runStep(stack, app.id, current);
    }
    await startAs(stack, 'bank.officer', app.id, 'bank-approval');
    await decideAs(stack, 'bank.officer', app.id, 'bank-approval', approvalFor('bank-approval'));
    await startAs(stack, 'bank.manager', app.id, 'bank-approval');
    const refused = await decideAs(stack, 'bank.manager', app.id, 'bank-approval', { outcome: 'approve' });
    expect(refused.status).toBe(422);

    const page = await newPage();
    await signIn(page, 'bank.manager');
    await page.goto(`/applications/${app.code}`);
    const step = page.locator('section[aria-labelledby=step-title]');
    expect(await step.textContent()).toContain('Chờ nguồn vốn');
    expect(await step.textContent()).toContain('50.000.000 đ');
    await screenshot(page, 'application-capital-shortfall');
    expect(await seriousViolations(page)).toEqual([]);

    await capital('NSDP-KIENXUONG', 'entrustments', 60_000_000);
    const confirmed = await decideAs(stack, 'bank.manager', app.id, 'bank-approval', { outcome: 'approve' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    await page.goto(`/applications/${app.code}`);
    expect(await page.locator('body').textContent()).not.toContain('Chờ nguồn vốn');
  });
});
