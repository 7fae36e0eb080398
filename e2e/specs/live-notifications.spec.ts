import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signInWithPassword } from '../support/auth';
import { screenshot } from '../support/screenshots';

// The legal-entity demo account is used by this spec only, so its counts are predictable.
const LOGIN = '040640406657';

test('a sign-in from another browser appears on the open notifications page without a reload', async ({ browser, request }, testInfo) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signInWithPassword(page, LOGIN);

  // Open the notifications page from the menu, keyboard-friendly and hidden by default (seed 000).
  await page.getByRole('button', { name: 'Мәзірді ашу' }).click();
  const menu = page.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' });
  await expect(menu).toBeVisible();
  await screenshot(page, testInfo, '01-menu-open', { fullPage: false });
  await menu.getByRole('link', { name: 'Хабарламалар' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Хабарламалар' })).toBeVisible();
  await expect(menu).toBeHidden();

  // Wait until the live subscription is up before the other browser signs in.
  await expect(page.getByText('Жаңалары бірден келеді')).toBeVisible();
  const items = page.getByRole('list', { name: 'Хабарламалар тізімі' }).getByRole('listitem');
  const signIns = items.filter({ hasText: 'Тіркелгіңізге жаңа кіру' });
  await expect(signIns).toHaveCount(1);
  const bell = page.getByRole('link', { name: /^Хабарламалар, оқылмаған: \d+$/ });
  await expect(bell).toHaveAccessibleName('Хабарламалар, оқылмаған: 1');
  await screenshot(page, testInfo, '02-before-second-sign-in');

  const second = await browser.newContext();
  const other = await second.newPage();
  await signInWithPassword(other, LOGIN);

  // No reload: the list and the badge update through the subscription.
  await expect(signIns).toHaveCount(2);
  await expect(bell).toHaveAccessibleName('Хабарламалар, оқылмаған: 2');
  await expect(page.getByText('Барлығы: 2 · оқылмаған: 2')).toBeVisible();
  await screenshot(page, testInfo, '03-after-second-sign-in');

  await page.getByRole('button', { name: 'Барлығын оқылды деп белгілеу' }).click();
  await expect(page.getByRole('link', { name: 'Хабарламалар', exact: true })).toBeVisible();
  await expect(page.getByText('Барлығы: 2 · оқылмаған: 0')).toBeVisible();
  await screenshot(page, testInfo, '04-all-read');

  // More than a page of them: the rest come with "Load more" (cursor pagination).
  for (let i = 0; i < 20; i++) {
    const response = await request.post('/graphql', {
      data: { query: 'mutation($input: SessionLoginInput!) { sessionLogin(input: $input) { errors { code } } }', variables: { input: { login: LOGIN, password: DEMO_PASSWORD } } },
    });
    expect((await response.json()).data.sessionLogin.errors).toEqual([]);
  }
  await page.reload();
  await expect(signIns).toHaveCount(20);
  const more = page.getByRole('button', { name: 'Тағы көрсету' });
  await more.click();
  await expect(signIns).toHaveCount(22);
  await expect(more).toBeHidden();
  await screenshot(page, testInfo, '05-loaded-more');

  await second.close();
  await first.close();
});
