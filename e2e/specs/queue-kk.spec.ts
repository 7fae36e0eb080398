import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { nextCode, outboxMark } from '../support/outbox';
import { openCertificate } from '../support/eds';
import { downloadPdfText, giveConsents, openFromQueueMenu, QUEUE_PERSONAS, queueStatus } from '../support/queue';
import { screenshot } from '../support/screenshots';

const CONSENTS_KK = [
  /^Менде және отбасы мүшелерімде Қазақстан Республикасында тұрғынжайдың/,
  /^Ақпараттық жүйелерде қамтылған заңмен қорғалатын құпияны/,
  /^«Тұрғын үй қатынастары туралы» Қазақстан Республикасы Заңының 71 және 78-баптарының/,
  /^Мемлекеттік дерекқорларда растайтын мәліметтер болмаған жағдайда/,
];

/**
 * The citizen's screens in Kazakh, the portal's default language: the check with a category the
 * registry confirms, the application on the list of socially vulnerable categories, the decision
 * and the Kazakh certificate with the queue number.
 */
test('the queue in Kazakh: a category confirmed by the registry puts the applicant on the vulnerable list', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const me = QUEUE_PERSONAS.disabled;
  let n = 0;
  const shot = (name: string) => screenshot(page, testInfo, `${String(++n).padStart(2, '0')}-${name}`);

  await signInWithPassword(page, me.iin);
  await openFromQueueMenu(page, 'kk', 'queue');
  await expect(page.getByRole('link', { name: 'Шарттарды тексеру' })).toBeVisible();
  await shot('landing');

  await page.getByRole('link', { name: 'Шарттарды тексеру' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Өтініш беру алдында тексеру' })).toBeVisible();
  await page.getByRole('checkbox', { name: /^Бірінші және екінші топтағы мүгедектігі бар адамдар/ }).check();
  await page.getByRole('button', { name: 'Тексеру', exact: true }).click();
  await expect(page.getByText('Шарттар орындалды: өтініш беруге болады.')).toBeVisible();
  await expect(page.getByText('Тізім: Халықтың әлеуметтік осал топтарының тізімі.')).toBeVisible();
  await shot('check');

  await page.getByRole('button', { name: 'Осы жауаптармен өтініш беру' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Есепке қоюға өтініш' })).toBeVisible();
  await expect(page.locator(`[data-person="${me.iin}"]`)).toContainText(me.name);
  const category = page.getByRole('checkbox', { name: /тізілім растаған/ });
  await expect(category).toBeChecked();
  await giveConsents(page, CONSENTS_KK);
  await shot('apply');

  const seen = await outboxMark(page.request, me.phone);
  await page.getByRole('button', { name: 'Кодты жіберу' }).click();
  const { code } = await nextCode(page.request, me.phone, seen);
  await expect(page.getByText(/^Код СМС арқылы .+ нөміріне жіберілді\.$/)).toBeVisible();
  await page.getByLabel('Растау коды').fill(code);
  await page.getByRole('button', { name: 'Қол қойып, беру' }).click();

  const heading = page.getByRole('heading', { level: 1, name: /^Q-\d{4}-\d+ өтініші$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).replace(' өтініші', '').trim();
  await expect(queueStatus(page)).toHaveText('Есепке қойылды');
  const registered = page.getByTestId('queue-registered');
  await expect(registered).toHaveText(/^Есепке қойылған күні: .+\. Кезектегі нөмір: \d+\.$/);
  const queueNumber = /Кезектегі нөмір: (\d+)/.exec(await registered.innerText())?.[1] ?? '';
  await expect(page.getByRole('region', { name: 'Өтініш', exact: true })).toContainText('Халықтың әлеуметтік осал топтарының тізімі');
  await shot('registered');

  const { text } = await downloadPdfText(page, page.getByRole('region', { name: 'Анықтама' }).getByRole('link', { name: 'Жүктеп алу: Қазақ тіліндегі анықтама (PDF)' }));
  expect(text).toContain(number);
  expect(text).toMatch(new RegExp(`\\b${queueNumber}\\b`));

  await openFromQueueMenu(page, 'kk', 'history');
  await expect(page.locator(`[data-service="${number}"]`)).toBeVisible();
  await shot('history');
});

/**
 * Seed 002's other way to sign: EDS in the browser over the exact bytes the server gives for the
 * answers (queueSigningPayload); the certificate file and its password never leave the page.
 */
test('the application is signed with EDS in the browser by the applicant’s own certificate', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // Persona #02, Садықова Әйгерім (Astana since 2012), the demo citizen with demo certificates.
  const iin = '900515300197';
  await signInWithPassword(page, iin);
  await openFromQueueMenu(page, 'kk', 'queue');
  await page.getByRole('link', { name: 'Өтініш беру' }).click();
  await expect(page.locator(`[data-person="${iin}"]`)).toContainText('Садықова Әйгерім Нұрланқызы');
  await giveConsents(page, CONSENTS_KK);
  await page.getByRole('radio', { name: 'ЭЦҚ (сертификат файлы)' }).check();
  const signing = page.getByRole('region', { name: 'Қол қою' });
  await openCertificate(signing, 'citizen-sign');
  await expect(signing.getByRole('group', { name: 'Сертификат иесі' })).toContainText('САДЫҚОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ');
  await screenshot(page, testInfo, 'eds-01-certificate');
  await signing.getByRole('button', { name: 'Қол қойып, беру', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Q-\d{4}-\d+ өтініші$/ })).toBeVisible();
  await expect(queueStatus(page)).toHaveText('Есепке қойылды');
  await expect(page.getByRole('region', { name: 'Өтініш', exact: true })).toContainText('ЭЦҚ (сертификат файлы)');
  await screenshot(page, testInfo, 'eds-02-registered');

  // On a phone: the list and the application read in one column, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, testInfo, 'eds-03-application-phone', { fullPage: false });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await openFromQueueMenu(page, 'kk', 'queue');
  await screenshot(page, testInfo, 'eds-04-landing-phone', { fullPage: false });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
