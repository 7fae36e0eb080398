import { expect, test } from '@playwright/test';
import { screenshot } from '../support/screenshots';

test('the interface speaks Kazakh, Russian and English, and remembers the choice', async ({ page }, testInfo) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Жеке кабинетке кіру');
  await expect(page.getByRole('button', { name: 'Қазақша' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, testInfo, '01-kazakh');

  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход в личный кабинет');
  await expect(page.getByLabel('ИИН/БИН или электронная почта')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Войти', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход в личный кабинет');
  await page.getByRole('tab', { name: 'По номеру телефона' }).click();
  await expect(page.getByRole('group', { name: 'Способ подтверждения' })).toBeVisible();
  await expect(page.getByLabel('Предоставляя номер телефона, я принимаю пользовательское соглашение')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Продолжить' })).toBeVisible();
  await screenshot(page, testInfo, '02-russian-after-reload');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('tab', { name: 'With password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to your personal account');
  await page.reload();
  await expect(page.getByLabel('IIN/BIN or email')).toBeVisible();
  await screenshot(page, testInfo, '03-english-after-reload');

  // Signed in, the choice becomes the account's language too (SMS and email follow it).
  await page.getByLabel('IIN/BIN or email').fill('uk@demo.shanyraq.kz');
  await page.getByLabel('Password', { exact: true }).fill('Shanyraq-Demo-2026!');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Личные данные' })).toContainText('Русский');
  await screenshot(page, testInfo, '04-profile-russian');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Личные данные' })).toContainText('Русский');

  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Жеке деректер' })).toContainText('Қазақша');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await screenshot(page, testInfo, '05-profile-kazakh');
});

