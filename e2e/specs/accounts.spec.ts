import { expect, test } from '@playwright/test';
import { type Holder, registerHolder, signInWithPassword } from '../support/auth';
import { openFromMenu } from '../support/menu';
import { screenshot } from '../support/screenshots';

// An account of this spec's own: the roles of a demo account would change under the other specs
// that sign in with it while they run.
const COMPANY: Holder = {
  iinBin: '120540049966',
  contractNumber: 'К-2-11/2025',
  contractDate: '2025-05-05',
  email: 'office@esil-invest.example.kz',
  phone: '+77051110003',
  password: 'Shanyraq-Esil-2026!',
};
const NAME = 'ТОО «Есіл Инвест»';

// Set up outside the test's own time: it is not what the test is about.
test.beforeAll(({ playwright }, testInfo) => registerHolder(playwright, testInfo, COMPANY));

test('an admin finds an account and changes its roles; the person gets the new section at once', async ({ browser }, testInfo) => {
  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signInWithPassword(page, 'admin@demo.shanyraq.kz');
  await openFromMenu(page, 'Тіркелгілер');
  await expect(page.getByRole('heading', { level: 1, name: 'Тіркелгілер' })).toBeVisible();
  await expect(page.getByText(/^Тіркелгілер: \d+$/)).toBeVisible();
  await screenshot(page, testInfo, '01-accounts');

  const search = page.getByRole('searchbox', { name: 'Аты, ЖСН/БСН, пошта немесе телефон' });
  await search.fill(COMPANY.iinBin);
  await search.press('Enter');
  await expect(page.getByText('Тіркелгілер: 1')).toBeVisible();
  const card = page.getByRole('article', { name: NAME });
  await card.getByRole('button', { name: `${NAME} рөлдерін өзгерту` }).click();
  const dialog = page.getByRole('dialog', { name: `${NAME} рөлдері` });
  await expect(dialog.getByRole('checkbox', { name: 'Заңды тұлға' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: '«ҚТК» АҚ операторы' }).check();
  await screenshot(page, testInfo, '02-roles-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Сақтау' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('«ҚТК» АҚ операторы')).toBeVisible();

  // The role counts from the person's next request: the back office is in the menu and opens.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInWithPassword(staff, COMPANY.iinBin, COMPANY.password);
  await openFromMenu(staff, 'Өтініштер кезегі (ҚТК)');
  await expect(staff.getByRole('heading', { level: 1, name: 'Өтініштер кезегі' })).toBeVisible();
  await expect(staff.getByText(/^Барлығы: \d+$/)).toBeVisible();

  // Taken away again. uncheck() on a box not yet ticked would do nothing: wait for the saved roles.
  await card.getByRole('button', { name: `${NAME} рөлдерін өзгерту` }).click();
  await expect(dialog.getByRole('checkbox', { name: '«ҚТК» АҚ операторы' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: '«ҚТК» АҚ операторы' }).uncheck();
  await dialog.getByRole('button', { name: 'Сақтау' }).click();
  await expect(card.getByText('«ҚТК» АҚ операторы')).toHaveCount(0);
  await staff.reload();
  await expect(staff.getByRole('heading', { level: 1, name: 'Бет табылмады' })).toBeVisible();
  await adminContext.close();
  await staffContext.close();
});

test('an admin cannot take away their own last key to the Accounts page', async ({ page }, testInfo) => {
  await signInWithPassword(page, 'admin@demo.shanyraq.kz');
  await openFromMenu(page, 'Тіркелгілер');
  const search = page.getByRole('searchbox', { name: 'Аты, ЖСН/БСН, пошта немесе телефон' });
  await search.fill('admin@demo');
  await search.press('Enter');
  await expect(page.getByText('Тіркелгілер: 1')).toBeVisible();
  const self = page.getByRole('article', { name: 'Portal administrator' });
  await self.getByRole('button', { name: 'Portal administrator рөлдерін өзгерту' }).click();
  const own = page.getByRole('dialog', { name: 'Portal administrator рөлдері' });
  await expect(own.getByRole('checkbox', { name: 'Әкімші' })).toBeChecked();
  await own.getByRole('checkbox', { name: 'Әкімші' }).uncheck();
  await own.getByRole('button', { name: 'Сақтау' }).click();
  await expect(own.getByText('Өзіңіздің әкімші рөліңізді алып тастай алмайсыз.')).toBeVisible();
  await screenshot(page, testInfo, '03-own-admin-refused', { fullPage: false });
  await own.getByRole('button', { name: 'Бас тарту' }).click();
  await expect(page.getByRole('article', { name: 'Portal administrator' })).toContainText('Әкімші');
});
