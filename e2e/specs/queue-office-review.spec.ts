import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { smallPdf } from '../support/applications';
import { signInWithPassword } from '../support/auth';
import { fileBySms, OFFICE_PERSONAS, openFromMenu, QUEUE_OFFICER_LOGIN, waitForStatus } from '../support/queueOffice';
import { screenshot } from '../support/screenshots';

/**
 * The emergency path (SPEC §5.2): a persona whose only home is declared in emergency condition files
 * with the expert's technical conclusion (through the API; the citizen specs show the form); the
 * queue officer finds it among the reviews with its 3-working-day countdown, reads the conclusion,
 * registers the applicant (a queue number), then takes the entry off the register at the
 * applicant's request.
 */
test('the officer reviews an emergency application, registers it, then removes the entry with a reason', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const me = OFFICE_PERSONAS.emergency;
  let n = 0;
  const shot = (name: string, fullPage = true) => screenshot(page, testInfo, `${String(++n).padStart(2, '0')}-${name}`, { fullPage });

  const conclusion = await readFile(await smallPdf('conclusion.pdf', 'Техникалық қорытынды'));
  const filed = await fileBySms(request, me, { name: 'conclusion.pdf', bytes: conclusion });
  await waitForStatus(request, me, filed.id, 'IN_REVIEW');

  await signInWithPassword(page, QUEUE_OFFICER_LOGIN);
  await openFromMenu(page, 'Тұрғын үй кезегі: қызметкер', 'Тұрғын үй кезегіне өтініштер');
  // The reviews are the first tab.
  await expect(page.getByRole('button', { name: 'Қызметкердің қарауында', pressed: true })).toBeVisible();
  const row = page.locator(`tr[data-application="${filed.number}"]`);
  await expect(row).toContainText('Авариялық тұрғынжай');
  await expect(row.getByTestId('countdown')).toContainText('Шешім');
  await expect(row.getByTestId('countdown')).toContainText(/\d+ жұмыс күні қалды/);
  await shot('reviews');

  await row.getByRole('link', { name: `${filed.number} өтінішін ашу` }).click();
  await expect(page.getByTestId('queue-status')).toHaveText('Қызметкердің қарауында');
  await expect(page.getByRole('region', { name: 'Сарапшының техникалық қорытындысы' }).getByRole('link', { name: /^Жүктеп алу: / })).toBeVisible();
  const review = page.getByRole('region', { name: 'Авариялық тұрғынжай бойынша қарау' });
  // The refusal's grounds come from the catalog when the checks found none.
  await review.getByRole('radio', { name: 'Талаптарға сай емес: алдын ала бас тарту шешімі' }).check();
  await expect(review.getByRole('group', { name: 'Бас тарту себептері' }).getByRole('checkbox').first()).toBeVisible();
  await shot('review-refusal-grounds');
  await review.getByRole('radio', { name: 'Талаптарға сай: есепке қою' }).check();
  await review.getByRole('textbox', { name: 'Түсініктеме' }).fill('Сарапшының қорытындысы тексерілді: үй авариялық деп танылған, басқа тұрғынжай жоқ.');
  await review.getByRole('button', { name: 'Шешімді жіберу' }).click();

  await expect(page.getByText('Өтініш беруші есепке қойылды.')).toBeVisible();
  await expect(page.getByTestId('queue-status')).toHaveText('Есепке қойылды');
  const entry = page.getByRole('region', { name: 'Кезектегі орны' });
  await expect(entry.locator('.qo-entry__number')).toHaveText(/^\d+$/);
  await shot('registered');

  // Off the register at her request: the reason is chosen, then confirmed.
  await entry.getByRole('button', { name: 'Есептен шығару' }).click();
  await expect(entry.getByText('Бұл өрісті толтырыңыз.')).toBeVisible();
  await entry.getByLabel(/^Есептен шығару себебі/).selectOption({ label: 'Өз өтініші бойынша' });
  await entry.getByRole('button', { name: 'Есептен шығару' }).click();
  const dialog = page.getByRole('dialog', { name: `${filed.number} өтініші бойынша есептен шығару керек пе?` });
  await expect(dialog).toContainText('Себебі: Өз өтініші бойынша.');
  await shot('remove-confirm', false);
  await dialog.getByRole('button', { name: 'Есептен шығару' }).click();
  await expect(page.getByText(`${filed.number} өтініші бойынша өтініш беруші есептен шығарылды.`)).toBeVisible();
  await expect(page.getByTestId('queue-status')).toHaveText('Есептен шығарылды');
  await expect(entry.locator('.qo-entry__number')).toHaveText('есептен шығарылған');
  await shot('removed');

  // The same card in Russian (then back: the account keeps the language it was last used in).
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByTestId('queue-status')).toHaveText('Снят с учёта');
  await expect(page.getByRole('region', { name: 'Место в очереди' }).locator('.qo-entry__number')).toHaveText('снят с учёта');
  await expect(page.getByRole('region', { name: 'Проверки и основания' })).toBeVisible();
  await shot('removed-ru');
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByTestId('queue-status')).toHaveText('Есептен шығарылды');
});
