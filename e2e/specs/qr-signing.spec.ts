import { expect, test } from '@playwright/test';
import { ALATAU_LOGIN, createDraft, openMyApplications, openSigning } from '../support/applications';
import { signInWithPassword } from '../support/auth';
import { signWith } from '../support/eds';
import { screenshot } from '../support/screenshots';

// Seed 001, 8.2: signing with the QR service. The second device is a phone-sized page opened from
// the QR code's link; the first page moves on by itself once the phone has signed.
test('a draft is signed on a second device from its QR code, and the first page sends it by itself', async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  await signInWithPassword(page, ALATAU_LOGIN);
  await openMyApplications(page);
  const number = await createDraft(page, { requested: '2027 ж. 30 маусым' });
  // Saved as a draft and reopened from the list, as seed 001 allows.
  await page.getByRole('button', { name: 'Жобаны сақтау' }).click();
  await expect(page.getByText(`${number} өтінімінің жобасы сақталды.`)).toBeVisible();
  await expect(page.locator(`tr[data-application="${number}"]`)).toContainText('Жасауда');
  await page.getByRole('button', { name: `${number} өтінішін өңдеу` }).click();
  await expect(page.getByLabel('Сұралатын мән')).toHaveValue('2027 ж. 30 маусым');

  const dialog = await openSigning(page);
  await dialog.getByRole('button', { name: /QR қол қою сервисі арқылы/ }).click();
  await expect(dialog.getByRole('img', { name: 'Екінші құрылғыда қол қоюға арналған QR код' })).toBeVisible();
  const link = dialog.getByTestId('qr-sign-link');
  const url = await link.getAttribute('href');
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sign\/[0-9a-f-]+#.+/);
  await expect(dialog.getByText(/Қолтаңба күтілуде… Код .+ жарамды\./)).toBeVisible();
  await screenshot(page, testInfo, '01-qr-code', { fullPage: false });

  // The phone: no sign-in, 390 px wide.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const mobile = await phone.newPage();
  await mobile.goto(String(url));
  await expect(mobile.getByRole('heading', { level: 1, name: 'Құжатқа ЭЦҚ-мен қол қою' })).toBeVisible();
  await expect(mobile.getByText('150940012342')).toBeVisible();
  await screenshot(mobile, testInfo, '02-phone-page');
  await signWith(mobile, 'alatau-director-sign', /ИСАЕВА ГҮЛЖАН/, 'Қол қою');
  await expect(mobile.getByText('Қол қойылды', { exact: true })).toBeVisible();
  await screenshot(mobile, testInfo, '03-phone-signed');

  // The first page: sent without a click.
  await expect(page.getByText(`${number} өтінімі қол қойылып, «ҚТК» АҚ-ға жіберілді.`)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(`tr[data-application="${number}"]`)).toContainText('Өтінім жіберілді');
  await screenshot(page, testInfo, '04-sent');
  await phone.close();
});
