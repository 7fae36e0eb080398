import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { CITIZEN_IIN, contractButton, FIRST_CONTRACT, openMyContracts, SECOND_CONTRACT } from '../support/contracts';
import { screenshot } from '../support/screenshots';

// This spec is the only one that presses "Update data" (the demo source moves the first
// contract's commissioning date and its developer's phone); the others leave those fields alone.

function sections(page: Page) {
  return {
    ddu: page.getByRole('region', { name: 'Үлестік қатысу туралы шарт', exact: true }),
    complex: page.getByRole('region', { name: 'ТК туралы ақпарат' }),
    developer: page.getByRole('region', { name: 'Құрылыс салушы туралы ақпарат' }),
    documents: page.getByRole('region', { name: 'Құжаттар' }),
    history: page.getByRole('list', { name: 'Шарт өзгерістерінің тізімі' }),
  };
}

test('the citizen switches contracts by number, views and downloads the DDU, and updates the data', async ({ page }, testInfo) => {
  await signInWithPassword(page, CITIZEN_IIN);
  await openMyContracts(page);
  const { ddu, complex, developer, documents, history } = sections(page);

  // Seed 000: the first contract, its three sections and its documents.
  const first = contractButton(page, FIRST_CONTRACT);
  const second = contractButton(page, SECOND_CONTRACT);
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const firstUrl = page.url();
  await expect(ddu).toContainText(FIRST_CONTRACT);
  await expect(ddu).toContainText('2023 ж. 14 маусым');
  await expect(complex).toContainText('ТК «Нұрсая»');
  await expect(complex).toContainText('Пәтер');
  await expect(complex.getByRole('link', { name: /nursaya\.kz/ })).toHaveAttribute('href', 'https://nursaya.kz/');
  await expect(developer).toContainText('ТОО «Байтерек Девелопмент»');
  await expect(developer).toContainText('ҚТК кепілдігінің нөмірі');
  await expect(developer).toContainText('ҚК-2023/118');
  await expect(documents.getByRole('list', { name: 'Үлестік қатысу туралы шарт (ДДУ)' })).toContainText(`Үлестік қатысу туралы шарт № ${FIRST_CONTRACT}`);
  await screenshot(page, testInfo, '01-first-contract');

  // The number buttons switch; the choice lives in the URL, so reload and back keep it.
  await second.click();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(second).toBeFocused();
  await expect(ddu).toContainText(SECOND_CONTRACT);
  await expect(complex).toContainText('ЖК «Алма Сити»');
  await expect(complex).toContainText('Паркинг орны');
  await expect(developer).toContainText('ЖАО рұқсатының нөмірі');
  await expect(developer).toContainText('KZ12REA00012345');
  expect(page.url()).not.toBe(firstUrl);
  await screenshot(page, testInfo, '02-second-contract');
  await page.reload();
  await expect(contractButton(page, SECOND_CONTRACT)).toHaveAttribute('aria-pressed', 'true');
  await expect(ddu).toContainText(SECOND_CONTRACT);
  await page.goBack();
  await expect(page).toHaveURL(firstUrl);
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(ddu).toContainText(FIRST_CONTRACT);

  // "View" shows the DDU inside the page: a dialog with the PDF, closed by Esc back to its button.
  const view = documents.getByRole('button', { name: `Қарау: Үлестік қатысу туралы шарт № ${FIRST_CONTRACT}` });
  const pdfResponse = page.waitForResponse((r) => r.url().includes('/files/') && r.request().method() === 'GET');
  await view.click();
  const viewer = page.getByRole('dialog', { name: `Үлестік қатысу туралы шарт № ${FIRST_CONTRACT}` });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Жабу' }).first()).toBeFocused();
  await expect(viewer.locator('iframe')).toHaveAttribute('src', /^\/files\/[\w-]+$/);
  const shown = await pdfResponse;
  expect(shown.status()).toBe(200);
  expect(shown.headers()['content-type']).toBe('application/pdf');
  expect(shown.headers()['content-disposition']).toMatch(/^inline/);
  await page.waitForTimeout(500); // the PDF viewer paints its first page
  await screenshot(page, testInfo, '03-ddu-viewer', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(view).toBeFocused();

  // "Download" saves the same PDF under its title.
  const downloading = page.waitForEvent('download');
  await documents.getByRole('link', { name: `Жүктеп алу: Үлестік қатысу туралы шарт № ${FIRST_CONTRACT}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Үлестік қатысу туралы шарт № Н-3-67_44-АФ.pdf');
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

  // "Update data": the source system has a new commissioning date and developer phone.
  await expect(complex).toContainText('2026 ж. 30 қыркүйек');
  await expect(developer).toContainText('+7 717 255 01 00');
  const update = page.getByRole('button', { name: 'Деректерді жаңарту' });
  await update.click();
  const summary = page.getByRole('status').filter({ hasText: 'Деректер жаңартылды. Өзгерген өрістер: 2' });
  await expect(summary).toBeVisible();
  const dateChange = summary.getByRole('listitem').filter({ hasText: 'Пайдалануға берілген күні' });
  await expect(dateChange.locator('del')).toHaveText('2026 ж. 30 қыркүйек');
  await expect(dateChange.locator('ins')).toHaveText('2026 ж. 25 желтоқсан');
  const phoneChange = summary.getByRole('listitem').filter({ hasText: 'Құрылыс компаниясының телефоны' });
  await expect(phoneChange.locator('del')).toHaveText('+7 717 255 01 00');
  await expect(phoneChange.locator('ins')).toHaveText('+7 717 255 01 01');
  await expect(complex).toContainText('2026 ж. 25 желтоқсан');
  await expect(developer).toContainText('+7 717 255 01 01');
  await expect(page.getByText('Дереккөзден соңғы жаңарту:')).toBeVisible();
  const latest = history.locator(':scope > li').first();
  await expect(latest).toContainText('Деректер өзгерді');
  await expect(latest).toContainText('Дереккөз жүйесі');
  await expect(latest).toContainText('+7 717 255 01 01');
  await screenshot(page, testInfo, '04-data-updated');

  // Twice a minute at most: the wait is counted down.
  await update.click();
  await expect(page.getByText('Деректер жаңа ғана жаңартылды.')).toBeVisible();
  await expect(page.getByText(/^Қайта жаңартуға (\d+ с|\d+ мин \d+ с) кейін болады\.$/)).toBeVisible();
  await expect(update).toBeDisabled();
  await screenshot(page, testInfo, '05-update-too-soon', { fullPage: false });
});

test('My contracts speak Russian and fit a 390-px phone', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInWithPassword(page, CITIZEN_IIN);
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.goto(`/contracts`);
  await expect(page.getByRole('heading', { level: 1, name: 'Мои договоры' })).toBeVisible();
  for (const name of ['Договор долевого участия (ДДУ)', 'Информация о ЖК', 'Информация о застройщике', 'Документы', 'История изменений']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Обновить данные' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Информация о ЖК' })).toContainText('Дата ввода в эксплуатацию');
  await expect(page.getByRole('region', { name: 'Информация о застройщике' })).toContainText('Номер гарантии КЖК');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'nothing may stick out sideways on a phone').toBeLessThanOrEqual(0);
  await screenshot(page, testInfo, '06-mobile-russian', { fullPage: false });
  const documents = page.getByRole('region', { name: 'Документы' });
  await documents.getByRole('heading', { name: 'Документы', exact: true }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -70)); // out from under the sticky header
  await screenshot(page, testInfo, '07-mobile-russian-documents', { fullPage: false });
  await documents.getByRole('button', { name: 'Добавить документ' }).click();
  await expect(page.getByText('PDF, JPEG или PNG, до 700 МБ')).toBeVisible();
  await expect(page.getByText('Файл не выбран')).toBeVisible();
  await page.getByRole('region', { name: 'Добавить документ' }).scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, '08-mobile-russian-upload', { fullPage: false });
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await context.close();
});
