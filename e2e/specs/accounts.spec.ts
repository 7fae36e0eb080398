import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { openFromMenu } from '../support/menu';
import { screenshot } from '../support/screenshots';

// The management-company staff account is changed by this spec only, and given back as it was.
const STAFF = 'Ким Светлана (УК «Жайлы үй»)';

test('an admin finds an account and changes its roles; the person gets the new section at once', async ({ browser }, testInfo) => {
  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signInWithPassword(page, 'admin@demo.shanyraq.kz');
  await openFromMenu(page, 'Тіркелгілер');
  await expect(page.getByRole('heading', { level: 1, name: 'Тіркелгілер' })).toBeVisible();
  await expect(page.getByText(/^Тіркелгілер: \d+$/)).toBeVisible();
  await screenshot(page, testInfo, '01-accounts');

  const search = page.getByRole('searchbox', { name: 'Аты, ЖСН/БСН, пошта немесе телефон' });
  await search.fill('uk@demo');
  await search.press('Enter');
  await expect(page.getByText('Тіркелгілер: 1')).toBeVisible();
  const card = page.getByRole('article', { name: STAFF });
  await card.getByRole('button', { name: `${STAFF} рөлдерін өзгерту` }).click();
  const dialog = page.getByRole('dialog', { name: `${STAFF} рөлдері` });
  await expect(dialog.getByRole('checkbox', { name: 'Басқарушы компания қызметкері' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: '«ҚТК» АҚ операторы' }).check();
  await screenshot(page, testInfo, '02-roles-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Сақтау' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('«ҚТК» АҚ операторы')).toBeVisible();

  // The role counts from the person's next request: the back office is in her menu and opens.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInWithPassword(staff, 'uk@demo.shanyraq.kz');
  await openFromMenu(staff, 'Өтініштер кезегі (ҚТК)');
  await expect(staff.getByRole('heading', { level: 1, name: 'Өтініштер кезегі' })).toBeVisible();
  await expect(staff.getByText(/^Барлығы: \d+$/)).toBeVisible();

  // Given back as it was.
  await card.getByRole('button', { name: `${STAFF} рөлдерін өзгерту` }).click();
  await dialog.getByRole('checkbox', { name: '«ҚТК» АҚ операторы' }).uncheck();
  await dialog.getByRole('button', { name: 'Сақтау' }).click();
  await expect(card.getByText('«ҚТК» АҚ операторы')).toHaveCount(0);
  await staff.reload();
  await expect(staff.getByRole('heading', { level: 1, name: 'Бет табылмады' })).toBeVisible();

  // An admin cannot take away their own last key to this page.
  await search.fill('admin@demo');
  await search.press('Enter');
  const self = page.getByRole('article', { name: 'Portal administrator' });
  await self.getByRole('button', { name: 'Portal administrator рөлдерін өзгерту' }).click();
  const own = page.getByRole('dialog', { name: 'Portal administrator рөлдері' });
  await own.getByRole('checkbox', { name: 'Әкімші' }).uncheck();
  await own.getByRole('button', { name: 'Сақтау' }).click();
  await expect(own.getByText('Өзіңіздің әкімші рөліңізді алып тастай алмайсыз.')).toBeVisible();
  await screenshot(page, testInfo, '03-own-admin-refused', { fullPage: false });
  await adminContext.close();
  await staffContext.close();
});
