import { expect, type Page, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { screenshot } from '../support/screenshots';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'nothing may stick out sideways on a phone').toBeLessThanOrEqual(0);
}

test('login and profile fit a 390-px phone', async ({ page }, testInfo) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Жеке кабинетке кіру' })).toBeVisible();
  await expectNoSideScroll(page);
  await screenshot(page, testInfo, '01-login');

  await page.goto('/register');
  await expectNoSideScroll(page);
  await screenshot(page, testInfo, '02-register');

  await signInWithPassword(page, 'admin@demo.shanyraq.kz');
  await expectNoSideScroll(page);
  await screenshot(page, testInfo, '03-profile');

  await page.getByRole('button', { name: 'Мәзірді ашу' }).click();
  await expect(page.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' })).toBeVisible();
  await screenshot(page, testInfo, '04-menu', { fullPage: false });
  await page.getByRole('dialog').getByRole('link', { name: 'Хабарламалар' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Хабарламалар' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Хабарламалар тізімі' })).toBeVisible();
  await expectNoSideScroll(page);
  await screenshot(page, testInfo, '05-notifications');

  // The narrowest phones in use: the header must still hold its parts side by side.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  await expectNoSideScroll(page);
  const brand = await page.getByRole('link', { name: /Shanyraq/ }).boundingBox();
  const languages = await page.getByRole('group', { name: 'Интерфейс тілі' }).boundingBox();
  expect(brand && languages && brand.x + brand.width <= languages.x, 'the brand must not run under the language switcher').toBeTruthy();
  await screenshot(page, testInfo, '06-profile-360');
});
