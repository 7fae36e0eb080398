import { expect, test } from '@playwright/test';
import { type Holder, registerHolder, signInWithPassword } from '../support/auth';
import { screenshot } from '../support/screenshots';

// This spec counts every notification of the account, so it registers one of its own: a demo
// account is signed into by other specs, and told of their applications' steps, at any moment.
const HOLDER: Holder = {
  iinBin: '951202401230',
  contractNumber: 'Н-7-02/19-АФ',
  contractDate: '2025-01-20',
  email: 'madina.toleuova@example.kz',
  phone: '+77051110002',
  password: 'Shanyraq-Habar-2026!',
};
const LOGIN = HOLDER.iinBin;

// Set up outside the test's own time: it is not what the test is about.
test.beforeAll(({ playwright }, testInfo) => registerHolder(playwright, testInfo, HOLDER));

test('a sign-in from another browser appears on the open notifications page without a reload', async ({ browser, request }, testInfo) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signInWithPassword(page, LOGIN, HOLDER.password);

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
  const summary = page.getByText(/^Барлығы: \d+ · оқылмаған: \d+$/);
  await expect(signIns.first()).toBeVisible();
  const [total0, unread0] = ((await summary.innerText()).match(/\d+/g) ?? []).map(Number);
  const signIns0 = await signIns.count();
  const bell = page.getByRole('link', { name: /^Хабарламалар, оқылмаған: \d+$/ });
  await expect(bell).toHaveAccessibleName(`Хабарламалар, оқылмаған: ${unread0}`);
  await screenshot(page, testInfo, '02-before-second-sign-in');

  const second = await browser.newContext();
  const other = await second.newPage();
  await signInWithPassword(other, LOGIN, HOLDER.password);

  // No reload: the list and the badge update through the subscription.
  await expect(signIns).toHaveCount(signIns0 + 1);
  await expect(bell).toHaveAccessibleName(`Хабарламалар, оқылмаған: ${unread0 + 1}`);
  await expect(page.getByText(`Барлығы: ${total0 + 1} · оқылмаған: ${unread0 + 1}`)).toBeVisible();
  await screenshot(page, testInfo, '03-after-second-sign-in');

  await page.getByRole('button', { name: 'Барлығын оқылды деп белгілеу' }).click();
  await expect(page.getByRole('link', { name: 'Хабарламалар', exact: true })).toBeVisible();
  await expect(page.getByText(`Барлығы: ${total0 + 1} · оқылмаған: 0`)).toBeVisible();
  await screenshot(page, testInfo, '04-all-read');

  // More than a page of them: the rest come with "Load more" (cursor pagination).
  for (let i = 0; i < 20; i++) {
    const response = await request.post('/graphql', {
      data: { query: 'mutation($input: SessionLoginInput!) { sessionLogin(input: $input) { errors { code } } }', variables: { input: { login: LOGIN, password: HOLDER.password } } },
    });
    expect((await response.json()).data.sessionLogin.errors).toEqual([]);
  }
  await page.reload();
  await expect(signIns).toHaveCount(20);
  const more = page.getByRole('button', { name: 'Тағы көрсету' });
  await more.click();
  await expect(signIns).toHaveCount(signIns0 + 1 + 20);
  await expect(more).toBeHidden();
  await screenshot(page, testInfo, '05-loaded-more');

  await second.close();
  await first.close();
});
