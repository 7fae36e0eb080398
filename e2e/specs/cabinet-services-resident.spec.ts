import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/auth';
import { openDemoAccount, photoPng, signInDemoResident, useLanguage } from '../support/cabinetServices';
import { COMPANY_STAFF_LOGIN, gql } from '../support/company';
import { screenshot } from '../support/screenshots';

// The demo resident's services (seed 004): requests, meters, meetings, notifications and the QR
// code, in Russian and then the key screens in Kazakh. One sign-in for the whole file (the phone's
// code limit is production's), so one page goes through every scenario in order. The requests this
// spec makes start with "e2e-services" (the back office's spec makes its own, "e2e-company").
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let accountId = '';
// The first request this spec files (the one it edits and the staff then take).
let firstRequest = '';
// A date the server's clock (SHANYRAQ_CLOCK_START, 8 December 2026) and the browser's both see ahead.
const VISIT_DATE = '2027-01-20';

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(240_000);
  // A resident's browser in Kazakhstan: native date and time pickers in Russian.
  context = await browser.newContext({ locale: 'ru-RU' });
  page = await context.newPage();
  await signInDemoResident(page, request);
  accountId = await openDemoAccount(page);
  await useLanguage(page, 'ru');
});

test.afterAll(async () => {
  await context?.close();
});

async function newRequest(content: string, options: { photo?: boolean; type?: number } = {}): Promise<string> {
  await page.goto(`/cabinet/${accountId}/requests`);
  await page.getByRole('link', { name: 'Новое обращение' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Новое обращение' })).toBeVisible();
  const type = page.getByLabel('Тип обращения');
  await expect(type.locator('option')).not.toHaveCount(1);
  await type.selectOption({ index: options.type ?? 1 });
  await page.getByLabel('Содержание').fill(content);
  await page.getByLabel('Удобная дата визита').fill(VISIT_DATE);
  await page.getByLabel('Время визита, с').fill('08:00');
  await page.getByLabel('Время визита, по').fill('11:00');
  if (options.photo) {
    await page.getByLabel('Фотографии').setInputFiles({ name: 'truba.png', mimeType: 'image/png', buffer: photoPng() });
    await expect(page.getByRole('img', { name: 'Фотография truba.png' })).toBeVisible();
  }
  return content;
}

test('a new request with a photo: validated at its fields, sent, shown with its number as New', async () => {
  await page.goto(`/cabinet/${accountId}/requests`);
  await expect(page.getByRole('heading', { level: 2, name: 'Обращения' })).toBeVisible();
  await screenshot(page, test.info(), '01-requests-list');

  // Nothing chosen: the form says so at each field before anything is sent.
  await page.getByRole('link', { name: 'Новое обращение' }).click();
  await page.getByLabel('Время визита, с').fill('11:00');
  await page.getByLabel('Время визита, по').fill('08:00');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await expect(page.getByLabel('Тип обращения')).toHaveAccessibleDescription(/Заполните это поле/);
  await expect(page.getByLabel('Время визита, по')).toHaveAccessibleDescription(/позже времени «с»/);
  await screenshot(page, test.info(), '02-request-form-errors');

  const content = await newRequest('e2e-services: прорвало трубу на кухне', { photo: true });
  await expect(page.getByText('Загружено', { exact: false }).or(page.getByRole('img', { name: 'Фотография truba.png' }))).toBeVisible();
  await screenshot(page, test.info(), '03-request-form-filled');
  await page.getByRole('button', { name: 'Отправить' }).click();

  const heading = page.getByRole('heading', { level: 2, name: /^Обращение №\d+$/ });
  await expect(heading).toBeVisible();
  await expect(page.getByText(/Обращение №\d+ отправлено в управляющую компанию/)).toBeVisible();
  await expect(page.getByText('Новый', { exact: true })).toBeVisible();
  await expect(page.getByText('20 января 2027 г. с 08:00 по 11:00')).toBeVisible();
  await expect(page.getByText(content)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Фотографии' }).getByRole('img', { name: 'truba.png' })).toBeVisible();
  firstRequest = new URL(page.url()).pathname;
  await screenshot(page, test.info(), '04-request-created');
});

test('a New request is edited, and another is cancelled from the list after a confirmation', async () => {
  // The request of the previous test: edit its content and hours.
  await page.getByRole('link', { name: 'Изменить' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Изменение обращения №\d+$/ })).toBeVisible();
  await page.getByLabel('Содержание').fill('e2e-services: прорвало трубу на кухне, вода под мойкой');
  await page.getByLabel('Время визита, по').fill('12:30');
  await screenshot(page, test.info(), '05-request-edit');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Изменения сохранены.')).toBeVisible();
  await expect(page.getByText('e2e-services: прорвало трубу на кухне, вода под мойкой')).toBeVisible();
  await expect(page.getByText('20 января 2027 г. с 08:00 по 12:30')).toBeVisible();
  await expect(page.getByRole('region', { name: 'История' })).toContainText('Изменено');

  // A second request, cancelled from the list's row menu.
  await newRequest('e2e-services: заявка, которую отменят', { type: 2 });
  await page.getByRole('button', { name: 'Отправить' }).click();
  const number = /№(\d+)/.exec((await page.getByRole('heading', { level: 2, name: /^Обращение №\d+$/ }).textContent()) ?? '')?.[1] ?? '';
  await page.getByRole('link', { name: '← Обращения' }).click();
  const row = page.locator(`tr[data-request="${number}"]`);
  await row.getByRole('button', { name: `Действия с обращением №${number}` }).click();
  await screenshot(page, test.info(), '06-request-row-menu', { fullPage: false });
  await row.getByRole('button', { name: 'Отменить' }).click();
  const dialog = page.getByRole('dialog', { name: `Отменить обращение №${number}?` });
  await expect(dialog).toBeVisible();
  await screenshot(page, test.info(), '07-request-cancel-confirm', { fullPage: false });
  await dialog.getByRole('button', { name: 'Да, отменить' }).click();
  await expect(row.getByText('Отменён')).toBeVisible();

  // Filtered by status, the cancelled one stays; its menu offers only "View".
  await page.getByRole('button', { name: 'Отменён' }).click();
  await expect(page).toHaveURL(/status=CANCELLED/);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Действия с обращением №${number}` }).click();
  await expect(row.getByRole('listitem')).toHaveCount(1);
  await screenshot(page, test.info(), '08-requests-filtered');
});

test("the request's page follows the staff live: taken into work elsewhere, it shows In work and offers no edit", async ({ request }) => {
  await page.goto(firstRequest);
  await expect(page.getByRole('link', { name: 'Изменить' })).toBeVisible();
  const requestId = firstRequest.split('/').pop() as string;
  // The company's staff take it in their own session (the back office's spec does it in its pages).
  const login = await gql<{ sessionLogin: { accessToken: string } }>(request, null, 'mutation($input: SessionLoginInput!) { sessionLogin(input: $input) { accessToken errors { code } } }', {
    input: { login: COMPANY_STAFF_LOGIN, password: DEMO_PASSWORD },
  });
  const taken = await gql<{ serviceRequestTake: { serviceRequest: { status: string } | null; errors: unknown[] } }>(
    request,
    login.sessionLogin.accessToken,
    'mutation($input: ServiceRequestRefInput!) { serviceRequestTake(input: $input) { serviceRequest { status } errors { code } } }',
    { input: { id: requestId } },
  );
  expect(taken.serviceRequestTake.errors).toEqual([]);
  await expect(page.getByText('Статус обращения изменился: В работе.')).toBeVisible();
  await expect(page.getByText('В работе', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Изменить' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'История' })).toContainText('Взято в работу');
  // Still every word in Russian (the live event is read again in the page's language).
  await expect(page.getByText('Системы холодного и горячего водоснабжения')).toBeVisible();
  await screenshot(page, test.info(), '08b-request-taken-live');
});

test('a Closed request is rated once: "Не выполнено 1 2 3 4 5", a comment, then the rating given', async () => {
  // № 209 of the demo is closed and not rated (the back office's spec rates only its own requests).
  await page.goto(`/cabinet/${accountId}/requests?status=CLOSED`);
  const row = page.locator('tr[data-request="209"]');
  await row.getByRole('button', { name: 'Действия с обращением №209' }).click();
  await row.getByRole('link', { name: 'Оценить' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Обращение №209' })).toBeVisible();
  await expect(page.getByText('Закрыт', { exact: true })).toBeVisible();
  const form = page.getByRole('region', { name: 'Оценить обращение' });
  await form.getByRole('button', { name: 'Отправить' }).click();
  await expect(form.getByText('Выберите оценку или «Не выполнено».')).toBeVisible();
  await form.getByLabel('Оценка 4 из 5').check();
  await form.getByLabel('Комментарий').fill('e2e-services: свет горит, спасибо');
  await screenshot(page, test.info(), '09-request-rate');
  await form.getByRole('button', { name: 'Отправить' }).click();
  const given = page.getByRole('region', { name: 'Ваша оценка' });
  await expect(given).toContainText('4 из 5');
  await expect(given).toContainText('e2e-services: свет горит, спасибо');
  await expect(page.getByRole('region', { name: 'Оценить обращение' })).toHaveCount(0);
  await screenshot(page, test.info(), '10-request-rated');
});

test('a meter reading: a too-low one is refused at its field, a plausible one accepted and in the history', async () => {
  await page.goto(`/cabinet/${accountId}/meters`);
  await expect(page.getByRole('heading', { level: 2, name: 'Приборы учёта' })).toBeVisible();
  const meter = page.getByRole('region', { name: 'Холодная вода' });
  await expect(meter).toContainText('Показания принимаются с 1 по 25 число месяца — сейчас приём открыт.');
  await screenshot(page, test.info(), '11-meters');
  const lastText = (await meter.locator('dd strong').first().textContent()) ?? '';
  const last = Number(lastText.replace(/\s/g, '').replace(',', '.'));
  expect(last).toBeGreaterThan(0);
  const field = meter.getByLabel('Новое показание, м³');

  // Below the last reading: refused before sending, with the last reading named.
  await field.fill(String(Math.floor(last) - 5).replace('.', ','));
  await meter.getByRole('button', { name: 'Передать' }).click();
  await expect(field).toHaveAccessibleDescription(/не может быть меньше последнего/);
  await screenshot(page, test.info(), '12-meter-too-low');

  // Far above what a month can use: refused too.
  await field.fill(String(Math.floor(last) + 500));
  await meter.getByRole('button', { name: 'Передать' }).click();
  await expect(field).toHaveAccessibleDescription(/Слишком большое показание/);

  const next = (last + 4.5).toFixed(3).replace('.', ',');
  await field.fill(next);
  await expect(meter.getByText(/Расход с прошлого показания: 4,5 м³/)).toBeVisible();
  await meter.getByRole('button', { name: 'Передать' }).click();
  await expect(meter.getByText(/Показание .* м³ принято\./)).toBeVisible();
  await meter.getByText(/История показаний/).click();
  await expect(meter.getByRole('table')).toContainText('Житель');
  await screenshot(page, test.info(), '13-meter-accepted');
});

test('the open meeting: one ballot for all questions, confirmed, then the vote given; the closed one shows results', async () => {
  await page.goto(`/cabinet/${accountId}/meetings`);
  await expect(page.getByRole('heading', { level: 2, name: 'Собрания собственников' })).toBeVisible();
  await screenshot(page, test.info(), '14-meetings');
  await page.getByRole('link', { name: /Ремонт системы отопления/ }).click();
  await expect(page.getByText('Идёт голосование')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Документы' }).getByRole('link')).toHaveCount(1);
  const agenda = page.getByRole('region', { name: 'Повестка' });

  // Not every question answered: said, nothing sent.
  await agenda.getByRole('group').nth(0).getByLabel('За').check();
  await agenda.getByRole('button', { name: 'Проголосовать' }).click();
  await expect(agenda.getByText('Ответьте на все вопросы повестки.')).toBeVisible();
  await agenda.getByRole('group').nth(1).getByLabel('Против').check();
  await agenda.getByRole('group').nth(2).getByLabel('Воздержался').check();
  await screenshot(page, test.info(), '15-meeting-ballot');
  await agenda.getByRole('button', { name: 'Проголосовать' }).click();
  const dialog = page.getByRole('dialog', { name: 'Отправить бюллетень?' });
  await expect(dialog).toContainText('За');
  await screenshot(page, test.info(), '16-meeting-confirm', { fullPage: false });
  await dialog.getByRole('button', { name: 'Отправить бюллетень' }).click();
  await expect(page.getByText('Ваш голос принят.')).toBeVisible();
  await expect(agenda.getByText('Ваш голос:')).toHaveCount(3);
  await expect(agenda.getByRole('button', { name: 'Проголосовать' })).toHaveCount(0);
  await screenshot(page, test.info(), '17-meeting-voted');

  await page.getByRole('link', { name: '← Собрания собственников' }).click();
  await page.getByRole('link', { name: /Установка детской площадки/ }).click();
  await expect(page.getByText('Решение принято')).toBeVisible();
  await expect(page.getByText('Решение не принято')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Итоги по вопросу 1' })).toContainText('183,80');
  await screenshot(page, test.info(), '18-meeting-results');
});

test('notifications: the SMS switches are saved, outages of the building listed, the personal QR shown with its countdown', async () => {
  await page.goto(`/cabinet/${accountId}/notifications`);
  await expect(page.getByRole('heading', { level: 2, name: 'Уведомления' })).toBeVisible();
  const sms = page.getByRole('region', { name: 'СМС-уведомления' });
  const requests = sms.getByRole('switch', { name: /СМС об изменениях по моим обращениям/ });
  const outages = sms.getByRole('switch', { name: /СМС об аварийных отключениях/ });
  await expect(requests).toBeEnabled();
  const before = await requests.isChecked();
  await requests.click();
  await expect(sms.getByText('Настройки сохранены.')).toBeVisible();
  await expect(requests).toBeChecked({ checked: !before });
  await outages.click();
  await expect(outages).toBeEnabled();
  await page.reload();
  await expect(page.getByRole('switch', { name: /СМС об изменениях по моим обращениям/ })).toBeChecked({ checked: !before });
  await expect(page.getByRole('region', { name: 'Отключения в доме' })).toBeVisible();

  const app = page.getByRole('region', { name: 'Мобильное приложение' });
  await app.getByRole('button', { name: 'Показать QR-код' }).click();
  const qr = app.getByRole('img', { name: 'Персональный QR-код для входа в мобильное приложение' });
  await expect(qr).toBeVisible();
  await expect(app.getByText(/Код действует ещё (1 мин|\d+ с)/)).toBeVisible();
  const first = await qr.getAttribute('src');
  await screenshot(page, test.info(), '19-notifications-qr');
  await app.getByRole('button', { name: 'Показать новый код' }).click();
  await expect.poll(() => qr.getAttribute('src')).not.toBe(first);
});

test('the same screens in Kazakh', async () => {
  await useLanguage(page, 'kk');
  await page.goto(`/cabinet/${accountId}/requests`);
  await expect(page.getByRole('heading', { level: 2, name: 'Өтініштер' })).toBeVisible();
  await expect(page.locator('tr[data-request="209"]')).toContainText('Жабылды');
  await screenshot(page, test.info(), '20-kk-requests');
  await page.locator('tr[data-request="209"]').getByRole('link', { name: '209' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '№209 өтініш' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Сіздің бағаңыз' })).toContainText('5-тен 4');
  await screenshot(page, test.info(), '21-kk-request');
  await page.goto(`/cabinet/${accountId}/requests/new`);
  await page.getByRole('button', { name: 'Жіберу' }).click();
  await expect(page.getByLabel('Өтініш түрі')).toHaveAccessibleDescription(/.+/);
  await screenshot(page, test.info(), '22-kk-request-form');
  await page.goto(`/cabinet/${accountId}/meters`);
  const meter = page.getByRole('region', { name: 'Суық су' });
  await meter.getByLabel('Жаңа көрсеткіш, м³').fill('1');
  await meter.getByRole('button', { name: 'Жіберу' }).click();
  await expect(meter.getByLabel('Жаңа көрсеткіш, м³')).toHaveAccessibleDescription(/соңғысынан .* аз бола алмайды/);
  await screenshot(page, test.info(), '23-kk-meters');
  await page.goto(`/cabinet/${accountId}/meetings`);
  await page.getByRole('link', { name: /Жылу жүйесін жөндеу/ }).click();
  await expect(page.getByText('Сіздің дауысыңыз:').first()).toBeVisible();
  await screenshot(page, test.info(), '24-kk-meeting');
  await page.goto(`/cabinet/${accountId}/notifications`);
  await expect(page.getByRole('heading', { level: 2, name: 'Хабарламалар' })).toBeVisible();
  await page.getByRole('button', { name: 'QR-кодты көрсету' }).click();
  await expect(page.getByRole('img', { name: 'Мобильді қосымшаға кіруге арналған жеке QR-код' })).toBeVisible();
  await screenshot(page, test.info(), '25-kk-notifications');

  // On a 390-px phone the list reads as cards, with nothing to scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/cabinet/${accountId}/requests`);
  await expect(page.locator('tr[data-request="209"] td[data-label="Түрі"]')).toHaveCSS('display', 'block');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, test.info(), '26-kk-requests-phone');
  await page.goto(`/cabinet/${accountId}/meters`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, test.info(), '27-kk-meters-phone');
});
