import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { openFromMenu } from '../support/menu';
import { screenshot } from '../support/screenshots';

const PARTNER_QUERY = '{ partnerClient { name scopes organization { bin } } }';

test('an admin creates a partner client, hands over its key once, and revokes it', async ({ browser, request }, testInfo) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await signInWithPassword(page, 'admin@demo.shanyraq.kz');

  await openFromMenu(page, 'Серіктестердің API клиенттері');
  await expect(page.getByRole('heading', { level: 1, name: 'Серіктестердің API клиенттері' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Клиенттер: \d+, белсенді: \d+$/ })).toBeVisible();
  await screenshot(page, testInfo, '01-clients');

  // A client per run: the name tells this run's card from earlier ones.
  const name = `Nursaya CRM ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Жаңа клиент' }).click();
  await page.getByLabel(/^Атауы/).fill(name);
  // A person's IIN where a company's BIN belongs: refused next to the field, nothing lost.
  await page.getByLabel(/^Ұйымның БСН/).fill('880321400453');
  await page.getByRole('checkbox', { name: /APPLICATIONS_BPMS/ }).check();
  await page.getByRole('button', { name: 'Клиент пен кілт жасау' }).click();
  await expect(page.getByText('Бұл жеке тұлғаның ЖСН-і; компанияның БСН-ін енгізіңіз.')).toBeVisible();
  await expect(page.getByLabel(/^Атауы/)).toHaveValue(name);
  await screenshot(page, testInfo, '02-not-a-bin');

  await page.getByLabel(/^Ұйымның БСН/).fill('040640406657');
  await page.getByRole('button', { name: 'Клиент пен кілт жасау' }).click();
  await expect(page.getByRole('heading', { name: `«${name}» клиентінің кілті` })).toBeFocused();
  const key = await page.getByLabel('API кілті').inputValue();
  expect(key).toMatch(/^shq_[0-9a-f]{8}_/);
  await page.getByRole('button', { name: 'Көшіру' }).click();
  await expect(page.getByText('Алмасу буферіне көшірілді.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await screenshot(page, testInfo, '03-key-once');

  // The key works at once, for the organization and with the scopes chosen.
  const before = await request.post('/graphql', { headers: { 'X-Api-Key': key }, data: { query: PARTNER_QUERY } });
  expect(before.status()).toBe(200);
  const partner = (await before.json()).data.partnerClient;
  expect(partner).toMatchObject({ name, organization: { bin: '040640406657' } });
  expect([...partner.scopes].sort()).toEqual(['APPLICATIONS_BPMS', 'CONTRACTS_READ', 'CONTRACTS_WRITE', 'DOCUMENTS_WRITE']);

  // Once saved, the key is gone from the page for good.
  await page.getByRole('button', { name: 'Кілтті сақтадым' }).click();
  await expect(page.getByLabel('API кілті')).toHaveCount(0);
  const card = page.getByRole('article', { name });
  await expect(card).toContainText(`${key.split('_').slice(0, 2).join('_')}_…`);
  await expect(card).not.toContainText(key);

  await card.getByRole('button', { name: `${name} кері қайтару` }).click();
  const dialog = page.getByRole('dialog', { name: `«${name}» кері қайтарылсын ба?` });
  await screenshot(page, testInfo, '04-revoke-confirm', { fullPage: false });
  await dialog.getByRole('button', { name: 'Кері қайтару' }).click();
  await expect(card.getByText('Кері қайтарылған')).toBeVisible();
  await expect(card.getByRole('button')).toHaveCount(0);
  await screenshot(page, testInfo, '05-revoked');

  const after = await request.post('/graphql', { headers: { 'X-Api-Key': key }, data: { query: PARTNER_QUERY } });
  expect(after.status()).toBe(401);
  await context.close();
});
