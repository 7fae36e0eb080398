import { expect, test } from '@playwright/test';
import { fileBySms, OFFICE_PERSONAS, waitForStatus } from '../support/queueOffice';
import { screenshot } from '../support/screenshots';

/**
 * The public queue lists (SPEC §5, Law arts. 71, 78): anyone, not signed in, chooses a locality
 * and a list and sees the entries in number order with names masked; an application number (typed
 * in any case, with spaces) finds its one entry.
 */
test('the public list shows a registered applicant masked, and the application number finds the entry', async ({ page, request }, testInfo) => {
  const me = OFFICE_PERSONAS.published;
  const filed = await fileBySms(request, me);
  await waitForStatus(request, me, filed.id, 'REGISTERED');

  // Nobody is signed in in this browser.
  await page.goto('/queue/public');
  await expect(page.getByRole('heading', { level: 1, name: 'Тұрғын үйге мұқтаждар кезегінің тізімдері' })).toBeVisible();
  await expect(page.getByText('Тізімді көру үшін елді мекенді таңдаңыз.')).toBeVisible();
  await screenshot(page, testInfo, '01-choose');

  await page.getByLabel('Елді мекен').selectOption({ label: 'Қарағанды' });
  await expect(page.getByRole('radio', { name: 'Жалпы тізім' })).toBeChecked();
  const list = page.getByRole('region', { name: 'Қарағанды: Жалпы тізім' });
  const row = list.locator(`tr[data-application="${filed.number}"]`);
  await expect(row).toContainText(me.masked);
  await expect(row).toContainText(filed.number);
  await expect(row.locator('td').first()).toHaveText(/^\d+$/);
  // Masked: neither the given name nor the surname is shown whole.
  await expect(list).not.toContainText('Нұрлан');
  await expect(list).not.toContainText('Сейітқали');
  await expect(page.getByRole('navigation', { name: 'Беттер' }).getByText('1-бет')).toBeVisible();
  await screenshot(page, testInfo, '02-list');

  // The search: the number in lower case with a stray space finds exactly that entry.
  const typed = `${filed.number.toLowerCase().slice(0, 3)} ${filed.number.toLowerCase().slice(3)}`;
  await page.getByRole('searchbox', { name: 'Өтініш нөмірі бойынша іздеу' }).fill(typed);
  await page.getByRole('button', { name: 'Табу' }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toContainText(me.masked);
  await expect(page).toHaveURL(/[?&]locality=karaganda/);
  await screenshot(page, testInfo, '03-found');

  // An unknown number: said in words, with the way back to the whole list.
  await page.getByRole('searchbox', { name: 'Өтініш нөмірі бойынша іздеу' }).fill('Q-1999-000000');
  await page.getByRole('button', { name: 'Табу' }).click();
  await expect(page.getByText('Q-1999-000000 нөмірлі өтініш бұл тізімде жоқ немесе өтініш беруші жариялауға келісім бермеген.')).toBeVisible();
  await page.getByRole('button', { name: 'Бүкіл тізімді көрсету' }).click();
  await expect(row).toBeVisible();

  // The other list of the same locality does not hold him.
  await page.getByRole('radio', { name: 'Әлеуметтік осал топтар тізімі' }).check();
  await expect(page.getByRole('region', { name: 'Қарағанды: Әлеуметтік осал топтар тізімі' })).toBeVisible();
  await expect(page.locator(`tr[data-application="${filed.number}"]`)).toHaveCount(0);

  // In English, the same list (the locality's name comes from the server in the language asked).
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Housing queue lists' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Karaganda: Socially vulnerable categories' })).toBeVisible();
  await page.getByRole('radio', { name: 'General list' }).check();
  await expect(page.getByRole('region', { name: 'Karaganda: General list' }).locator(`tr[data-application="${filed.number}"]`)).toContainText(me.masked);
  await screenshot(page, testInfo, '04-english');
  await page.getByRole('button', { name: 'Қазақша' }).click();

  // A phone: the table becomes cards, still readable.
  await page.getByRole('radio', { name: 'Жалпы тізім' }).check();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  await screenshot(page, testInfo, '05-phone');
});
