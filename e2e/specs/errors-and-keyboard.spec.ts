import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/auth';
import { screenshot } from '../support/screenshots';

const CITIZEN_IIN = '900515300197';

test('a wrong password is explained in Kazakh, next to nothing the person must retype', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByLabel('ЖСН/БСН немесе электрондық пошта').fill(CITIZEN_IIN);
  await page.getByLabel('Құпия сөз', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Логин немесе құпия сөз қате.');
  await expect(page.getByLabel('ЖСН/БСН немесе электрондық пошта')).toHaveValue(CITIZEN_IIN);
  await screenshot(page, testInfo, '01-wrong-password');

  // Empty fields are caught before asking the server.
  await page.getByLabel('ЖСН/БСН немесе электрондық пошта').fill('');
  await page.getByLabel('Құпия сөз', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByLabel('Құпия сөз', { exact: true })).toHaveAccessibleDescription('Бұл өрісті толтырыңыз.');
});

test('without a network the form says so instead of failing silently', async ({ page }, testInfo) => {
  await page.goto('/login');
  await expect(page.getByLabel('ЖСН/БСН немесе электрондық пошта')).toBeVisible(); // the session check is done
  await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
  await page.getByLabel('ЖСН/БСН немесе электрондық пошта').fill(CITIZEN_IIN);
  await page.getByLabel('Құпия сөз', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Порталға қосылу мүмкін болмады');
  await screenshot(page, testInfo, '02-network-error');
});

test('the whole sign-in and the menu work with the keyboard alone', async ({ page }, testInfo) => {
  await page.goto('/login');
  // Tab from the top of the page: skip link, brand, languages, header links, tabs, then the form.
  const login = page.getByLabel('ЖСН/БСН немесе электрондық пошта');
  for (let i = 0; i < 15 && !(await login.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(login).toBeFocused();
  await page.keyboard.type(CITIZEN_IIN);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Құпия сөз', { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await screenshot(page, testInfo, '03-keyboard-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();

  // The menu opens from its button, traps focus, and Esc closes it back to the button.
  const toggle = page.getByRole('button', { name: 'Мәзірді ашу' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Мәзірді жабу' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('link', { name: 'Профиль' })).toBeFocused();
  await screenshot(page, testInfo, '04-menu-keyboard', { fullPage: false });
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test('an unknown address shows the 404 page, and known routes survive a reload', async ({ page }, testInfo) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Бет табылмады' })).toBeVisible();
  await screenshot(page, testInfo, '05-not-found');
  await page.getByRole('link', { name: 'Басты бетке' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await page.goto('/register');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Тіркеу' })).toBeVisible();
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/); // protected: signed-out visitors go to sign in
});
