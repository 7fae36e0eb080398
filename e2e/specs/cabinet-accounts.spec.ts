import { expect, type Page, test } from '@playwright/test';
import { nextCode, outboxMark } from '../support/outbox';
import { screenshot } from '../support/screenshots';

// A resident of this spec's own (a new phone): the demo resident's list stays as other specs expect it.
// Demo data (backend/demo_cabinet/accounts.py): 10118 links by login 10118 / Demo-10118 at once; 10119 by
// address stays pending (its phone is not this resident's) until the company decides.
const PHONE = '+77059990110';
test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});
test.afterAll(async () => {
  await page.close();
});

async function expectNoSideScroll() {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'nothing may stick out sideways on a phone').toBeLessThanOrEqual(0);
}

test('a resident signs in by phone code and lands on an empty list of personal accounts', async ({ request }, testInfo) => {
  await page.goto('/login?method=phone');
  await page.getByLabel('Телефон', { exact: true }).fill(PHONE);
  await page.getByLabel(/пайдаланушы келісімін қабылдаймын/).check();
  const seen = await outboxMark(request, PHONE);
  await page.getByRole('button', { name: 'Жалғастыру' }).click();
  const { code } = await nextCode(request, PHONE, seen);
  await page.getByLabel('Растау коды').fill(code);
  await page.getByRole('button', { name: 'Растау' }).click();

  await expect(page).toHaveURL(/\/cabinet$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Дербес шотты таңдаңыз' })).toBeVisible();
  await expect(page.getByText('Әзірге бірде-бір дербес шот қосылмаған')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Логин мен құпия сөз арқылы қосу' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Мекенжай бойынша қосу' })).toBeVisible();
  await screenshot(page, testInfo, '01-empty-kk');

  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Выберите лицевой счёт' })).toBeVisible();
  await screenshot(page, testInfo, '02-empty-ru');
});

test('links an account by login and password: refused in words, then confirmed at once', async ({}, testInfo) => {
  await page.getByRole('button', { name: 'Добавить по логину и паролю' }).click();
  const dialog = page.getByRole('dialog', { name: 'Добавить лицевой счёт' });
  await expect(dialog.getByLabel('Логин')).toHaveAccessibleDescription(/номер лицевого счёта/);

  await dialog.getByRole('button', { name: 'Добавить' }).click();
  await expect(dialog.getByLabel('Логин')).toHaveAccessibleDescription(/Заполните это поле/);
  await expect(dialog.getByLabel('Пароль', { exact: true })).toHaveAccessibleDescription(/Заполните это поле/);

  await dialog.getByLabel('Логин').fill('10118');
  await dialog.getByLabel('Пароль', { exact: true }).fill('wrong-password');
  await dialog.getByRole('button', { name: 'Добавить' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Неверный логин или пароль.');
  await screenshot(page, testInfo, '03-login-refused', { fullPage: false });

  await dialog.getByLabel('Пароль', { exact: true }).fill('Demo-10118');
  await dialog.getByRole('button', { name: 'Добавить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Счёт 10118 добавлен и подтверждён.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '10118' });
  await expect(row).toContainText('Тұран даңғылы, 1');
  await expect(row).toContainText('Подтверждённый');
  await expect(row.getByRole('link', { name: 'Выбрать лицевой счёт 10118' })).toBeVisible();
  await screenshot(page, testInfo, '04-linked-by-login');
});

test('links an account by address: a mismatch is refused, a match waits for the company', async ({}, testInfo) => {
  await page.getByRole('button', { name: 'Добавить по адресу' }).click();
  const dialog = page.getByRole('dialog', { name: 'Добавить лицевой счёт' });
  await dialog.getByLabel('Номер лицевого счёта').fill('99999');
  await dialog.getByLabel('Город, улица, дом').fill('Астана, Тұран даңғылы, 1');
  await dialog.getByLabel('Квартира').fill('19');
  await dialog.getByLabel('Управляющая компания').selectOption({ label: 'ТОО «Жайлы үй»' });
  await dialog.getByRole('button', { name: 'Добавить' }).click();
  await expect(dialog.getByText(/не найден: сверьте их с квитанцией/)).toBeVisible();
  // What was typed stays.
  await expect(dialog.getByLabel('Квартира')).toHaveValue('19');
  await screenshot(page, testInfo, '05-address-not-matched', { fullPage: false });

  await dialog.getByLabel('Номер лицевого счёта').fill('10119');
  await dialog.getByRole('button', { name: 'Добавить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Заявка отправлена управляющей компании/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '10119' });
  await expect(row).toContainText('Ожидает подтверждения');
  await expect(row).toContainText('Проверяет управляющая компания');
  // A pending account cannot be opened yet.
  await expect(row.getByRole('link', { name: /Выбрать/ })).toHaveCount(0);
  await screenshot(page, testInfo, '06-pending-by-address');
});

test('the chosen account shows its header, and the address opens the accounts menu', async ({}, testInfo) => {
  await page.getByRole('link', { name: 'Выбрать лицевой счёт 10118' }).click();
  const header = page.getByRole('region', { name: 'Лицевой счёт №10118' });
  await expect(header).toContainText('Ахметов Марат Серікұлы');
  await expect(header).toContainText('Телефон: не указан');
  await expect(header).toContainText('Проживает: 0, зарегистрировано: 1');
  await expect(header).toContainText('Задолженность');
  await expect(page.getByRole('navigation', { name: 'Разделы лицевого счёта' }).getByRole('link')).toHaveText([
    'Лицевой счёт',
    'Приборы учёта',
    'Обращения',
    'Платёжные документы',
    'Платежи',
    'Собрания',
    'Уведомления',
  ]);
  await screenshot(page, testInfo, '07-account-header');

  await header.getByRole('button', { name: /Адрес/ }).click();
  const menu = page.getByRole('list', { name: 'Лицевые счета' });
  await expect(menu.getByRole('link', { name: /10118/ })).toHaveAttribute('aria-current', 'true');
  await expect(menu.getByRole('button', { name: 'Добавить ЛС по логину и паролю' })).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Добавить ЛС по адресу' })).toBeVisible();
  await screenshot(page, testInfo, '08-address-menu', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();

  await header.getByRole('button', { name: /Адрес/ }).click();
  await menu.getByRole('link', { name: 'Управление лицевыми счетами' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Выберите лицевой счёт' })).toBeVisible();
});

test('removes an account from the list after asking', async ({}, testInfo) => {
  await page.getByRole('button', { name: 'Убрать счёт 10118 из списка' }).click();
  const dialog = page.getByRole('dialog', { name: 'Убрать счёт 10118 из списка?' });
  await expect(dialog).toContainText('Данные счёта остаются у управляющей компании');
  await dialog.getByRole('button', { name: 'Убрать' }).click();
  await expect(page.getByText('Счёт 10118 убран из списка.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '10118' })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: '10119' })).toContainText('Ожидает подтверждения');
  await screenshot(page, testInfo, '09-removed');
});

test('the list in Kazakh, and on a 375-px phone', async ({}, testInfo) => {
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Дербес шотты таңдаңыз' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '10119' })).toContainText('Растауды күтуде');
  await screenshot(page, testInfo, '10-list-kk');

  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.getByRole('row').filter({ hasText: '10119' })).toBeVisible();
  await expectNoSideScroll();
  await screenshot(page, testInfo, '11-list-kk-375');
  await page.getByRole('button', { name: 'Мекенжай бойынша қосу' }).click();
  await expect(page.getByRole('dialog', { name: 'Дербес шотты қосу' }).getByLabel('Қала, көше, үй')).toBeVisible();
  await screenshot(page, testInfo, '12-address-dialog-kk-375', { fullPage: false });
  await page.getByRole('dialog', { name: 'Дербес шотты қосу' }).getByRole('button', { name: 'Жабу' }).click();
});
