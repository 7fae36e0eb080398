import { expect, test } from '@playwright/test';
import { openFromMenu } from '../support/menu';
import { nextCode, outboxMark } from '../support/outbox';
import { screenshot } from '../support/screenshots';

// New numbers: the first phone sign-in creates a resident account (seed 004).
const SMS_PHONE = '+77059990001';
const CALL_PHONE = '+77059990002';

test('a new phone signs in with an SMS code and lands in the resident cabinet', async ({ page, request }, testInfo) => {
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Телефон нөмірімен' }).click();
  await expect(page).toHaveURL(/method=phone/);
  await screenshot(page, testInfo, '01-phone-form');

  // The user agreement must be accepted first.
  await page.getByLabel('Телефон', { exact: true }).fill(SMS_PHONE);
  await page.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(page.getByLabel(/пайдаланушы келісімін қабылдаймын/)).toHaveAccessibleDescription(/пайдаланушы келісімін қабылдаңыз/);
  await screenshot(page, testInfo, '02-agreement-required');

  await expect(page.getByRole('radio', { name: 'СМС' })).toBeChecked();
  await page.getByLabel(/пайдаланушы келісімін қабылдаймын/).check();
  const seen = await outboxMark(request, SMS_PHONE);
  await page.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(page.getByText(/Растау коды СМС арқылы/)).toBeVisible();
  await expect(page.getByText(/Кодты қайта сұрау: \d+ с кейін/)).toBeVisible();
  const { code, message } = await nextCode(request, SMS_PHONE, seen);
  expect(message.channel).toBe('sms');
  expect(code).toHaveLength(4);
  await screenshot(page, testInfo, '03-code-sent');

  await page.getByLabel('Растау коды').fill(code);
  await page.getByRole('button', { name: 'Растау' }).click();
  // A resident's work is their personal accounts (seed 004): the sign-in lands there.
  await expect(page.getByRole('heading', { level: 1, name: 'Дербес шотты таңдаңыз' })).toBeVisible();
  await openFromMenu(page, 'Профиль');
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  const personal = page.getByRole('region', { name: 'Жеке деректер' });
  await expect(personal).toContainText('Тұрғын');
  await expect(personal).toContainText('+7 705 999 00 01');
  await expect(page.getByRole('region', { name: 'Құпия сөз' })).toContainText('телефон коды арқылы');
  await screenshot(page, testInfo, '04-resident-profile');
  await page.getByRole('button', { name: 'Шығу', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('the code can come by a voice call instead', async ({ page, request }, testInfo) => {
  await page.goto('/login?method=phone');
  await page.getByLabel('Телефон', { exact: true }).fill(CALL_PHONE);
  await page.getByRole('radio', { name: 'Қоңырау' }).check();
  await page.getByLabel(/пайдаланушы келісімін қабылдаймын/).check();
  const seen = await outboxMark(request, CALL_PHONE);
  await page.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(page.getByText(/қоңырау шалынады/)).toBeVisible();
  const { code, message } = await nextCode(request, CALL_PHONE, seen);
  expect(message.channel).toBe('call');
  await screenshot(page, testInfo, '05-call-requested');

  await page.getByLabel('Растау коды').fill(code);
  await page.getByLabel('Растау коды').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Дербес шотты таңдаңыз' })).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByRole('region', { name: 'Жеке деректер' })).toContainText('+7 705 999 00 02');
});
