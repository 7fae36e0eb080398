import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { nextCode, outboxMark } from '../support/outbox';
import { giveConsents, openFromQueueMenu, QUEUE_PERSONAS, queueStatus } from '../support/queue';
import { screenshot } from '../support/screenshots';

const CONSENTS_KK = [
  /^Менде және отбасы мүшелерімде Қазақстан Республикасында тұрғынжайдың/,
  /^Ақпараттық жүйелерде қамтылған заңмен қорғалатын құпияны/,
  /^«Тұрғын үй қатынастары туралы» Қазақстан Республикасы Заңының 71 және 78-баптарының/,
  /^Мемлекеттік дерекқорларда растайтын мәліметтер болмаған жағдайда/,
];

/**
 * Appendix 2's second form: a guardian files for a minor without parental care. The child's data
 * come from the registries by the IIN and are shown read-only beside the guardian's; the guardian
 * signs with her own SMS code; the child is registered (§11) and the guardian follows it.
 */
test('a legal representative files for a minor, both auto-filled, and the child is registered', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const guardian = QUEUE_PERSONAS.guardian;
  const child = QUEUE_PERSONAS.minor;
  let n = 0;
  const shot = (name: string) => screenshot(page, testInfo, `${String(++n).padStart(2, '0')}-${name}`);

  await signInWithPassword(page, guardian.iin);
  await openFromQueueMenu(page, 'kk', 'queue');
  await page.getByRole('link', { name: 'Өтініш беру' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Есепке қоюға өтініш' })).toBeVisible();

  await page.getByRole('radio', { name: 'Кәмелетке толмаған адам үшін, заңды өкіл ретінде' }).check();
  await expect(page.getByRole('region', { name: 'Өкіл (сіз)' })).toContainText(guardian.name);
  const iin = page.getByLabel('Өкілдік етілетін адамның ЖСН');
  // Someone she does not represent: the registry's answer is shown at the field, and no data of theirs.
  await iin.fill(QUEUE_PERSONAS.eligible.iin);
  await expect(page.getByText('Тізілімдерде сіз бұл адамның өкілі ретінде тіркелмегенсіз (сенімхат немесе қамқоршылық жоқ).')).toBeVisible();
  await expect(iin).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[data-person="${QUEUE_PERSONAS.eligible.iin}"]`)).toHaveCount(0);
  await iin.fill(child.iin);
  const represented = page.locator(`[data-person="${child.iin}"]`);
  await expect(represented).toContainText(child.name);
  await expect(represented).toContainText('Кәмелетке толмаған');
  await expect(page.getByRole('textbox', { name: 'Тегі, аты, әкесінің аты' })).toHaveCount(0);
  await giveConsents(page, CONSENTS_KK);
  await expect(page.getByLabel('Ұялы телефон нөмірі')).toHaveValue(guardian.phone);
  await shot('apply-for-minor');

  const seen = await outboxMark(page.request, guardian.phone);
  await page.getByRole('button', { name: 'Кодты жіберу' }).click();
  const { code } = await nextCode(page.request, guardian.phone, seen);
  await page.getByLabel('Растау коды').fill(code);
  await page.getByRole('button', { name: 'Қол қойып, беру' }).click();

  const heading = page.getByRole('heading', { level: 1, name: /^Q-\d{4}-\d+ өтініші$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).replace(' өтініші', '').trim();
  await expect(queueStatus(page)).toHaveText('Есепке қойылды');
  await expect(page.getByTestId('queue-registered')).toHaveText(/^Есепке қойылған күні: .+\. Кезектегі нөмір: \d+\.$/);
  const facts = page.getByRole('region', { name: 'Өтініш', exact: true });
  await expect(facts).toContainText('Кәмелетке толмаған адам үшін, заңды өкіл ретінде');
  await expect(facts.locator(`[data-person="${child.iin}"]`)).toContainText(child.name);
  await expect(facts.locator(`[data-person="${guardian.iin}"]`)).toContainText(guardian.name);
  await shot('registered-for-minor');

  // The guardian's list names whom it was filed for.
  await openFromQueueMenu(page, 'kk', 'queue');
  const row = page.locator(`[data-application="${number}"]`);
  await expect(row).toContainText(`${child.name} атынан`);
  await expect(queueStatus(row)).toHaveText('Есепке қойылды');
  await shot('guardian-list');
});
