import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { ADMIN_LOGIN, openFromMenu } from '../support/queueOffice';
import { screenshot } from '../support/screenshots';

/**
 * The decree calendar: the admin records an extra day off by a government decree, and the preview
 * "N working days after a date" moves at once; revoking it moves the deadline back. The days are in
 * February 2027, far from the queue's clock of this run, so no other spec's deadline changes.
 */
test('an extra day off by decree moves the preview deadline, and revoking it moves it back', async ({ page }, testInfo) => {
  await signInWithPassword(page, ADMIN_LOGIN);
  await openFromMenu(page, 'Жұмыс күндерінің күнтізбесі');
  await screenshot(page, testInfo, '01-calendar');

  const preview = page.getByRole('region', { name: 'Мерзімді алдын ала көру' });
  await preview.getByLabel('Басталу күні').fill('2027-02-01');
  await preview.getByLabel('Жұмыс күндерінің саны').fill('3');
  const result = page.getByTestId('calendar-preview');
  await expect(result).toContainText('Мерзім: 2027 ж. 4 ақпан, бейсенбі.');

  const form = page.getByRole('region', { name: 'Қаулы бойынша күнді жазу' });
  await form.getByLabel(/^Күні/).fill('2027-02-02');
  await expect(form.getByText('сейсенбі')).toBeVisible();
  await form.getByRole('radio', { name: 'Қосымша демалыс күні' }).check();
  await form.getByLabel(/^Қаулы/).fill('ҚР Үкіметінің 2027 жылғы 15 қаңтардағы № 12 қаулысы (e2e)');
  await screenshot(page, testInfo, '02-form');
  await form.getByRole('button', { name: 'Жазу' }).click();

  await expect(page.getByText('Жазылды: 2027 ж. 2 ақпан — Қосымша демалыс күні.')).toBeVisible();
  await expect(result).toContainText('Мерзім: 2027 ж. 5 ақпан, жұма.');
  await expect(result).toContainText('Бұрын: 2027 ж. 4 ақпан — мерзім кейінге жылжыды.');
  const entry = page.getByRole('article', { name: '2027 ж. 2 ақпан, сейсенбі' });
  await expect(page.getByRole('heading', { level: 2, name: '2027 жылғы өзгерістер' })).toBeVisible();
  await expect(entry).toContainText('№ 12 қаулысы (e2e)');
  await screenshot(page, testInfo, '03-moved');

  await entry.getByRole('button', { name: '2027 ж. 2 ақпан күнгі өзгерістің күшін жою' }).click();
  const dialog = page.getByRole('dialog', { name: '2027 ж. 2 ақпан күнгі өзгерістің күшін жою керек пе?' });
  await screenshot(page, testInfo, '04-revoke', { fullPage: false });
  await dialog.getByRole('button', { name: 'Күшін жою' }).click();
  await expect(page.getByText('2027 ж. 2 ақпан күнгі өзгерістің күші жойылды.')).toBeVisible();
  await expect(result).toContainText('Мерзім: 2027 ж. 4 ақпан, бейсенбі.');
  await expect(entry).toContainText('Күші жойылған:');
  await screenshot(page, testInfo, '05-revoked');
});
