import { expect, test } from '@playwright/test';
import { openCertificate } from '../support/eds';
import { screenshot } from '../support/screenshots';

// SPEC §2.2: sign-in with an EDS certificate (AUTH key), signed in this browser.
test('a citizen signs in with the AUTH certificate and lands on the profile', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByRole('tab', { name: 'ЭЦҚ' }).click();
  await expect(page).toHaveURL(/method=eds/);
  await screenshot(page, testInfo, '01-eds-tab');
  await openCertificate(page, 'citizen-auth');
  const owner = page.getByRole('group', { name: 'Сертификат иесі' });
  await expect(owner).toContainText('САДЫҚОВА ӘЙГЕРІМ НҰРЛАНҚЫЗЫ');
  await expect(owner).toContainText('900515300197');
  await expect(owner).toContainText(/Жарамды: .+ – .+/);
  await screenshot(page, testInfo, '02-certificate');
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  await expect(page.getByText('900515300197').first()).toBeVisible();
  await screenshot(page, testInfo, '03-profile');
});

test('a wrong password and a revoked certificate are each told in words', async ({ page }, testInfo) => {
  await page.goto('/login?method=eds');
  // The password opens the file in the browser: a wrong one is caught before anything is sent.
  await openCertificate(page, 'citizen-auth', 'Not-the-password-1');
  const password = page.getByLabel('Кілттің құпия сөзі', { exact: true });
  await expect(password).toHaveAccessibleDescription(/Кілттің құпия сөзі қате\./);
  await expect(password).toBeFocused();
  await screenshot(page, testInfo, '01-wrong-password');

  // A revoked certificate opens (its password is right), and the server refuses its signature.
  await openCertificate(page, 'test-revoked-sign');
  await expect(page.getByText('Бұл – қол қоюға арналған кілт. Кіру үшін AUTH кілтін таңдаңыз.')).toBeVisible();
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Сертификат кері қайтарылған (ҰКО тізімінде). Бұл кілтпен қол қоюға болмайды.');
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, testInfo, '02-revoked');

  // The same in Russian.
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('alert')).toContainText('Сертификат отозван (в списке НУЦ). Этим ключом подписывать нельзя.');
});
