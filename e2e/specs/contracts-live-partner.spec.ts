import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { CITIZEN_IIN, contractButton, DEMO_PARTNER_KEY, openMyContracts } from '../support/contracts';
import { screenshot } from '../support/screenshots';

// A number of its own per run, so the contract is new even against a reused server.
const NUMBER = `Н-9-${String(Date.now()).slice(-5)}/07-АФ`;

// One line, as pasted: Monaco would auto-close brackets typed after a line break. Prettify formats it.
const MUTATION = `mutation AddContract {
  partnerContractUpsert(input: {
    externalId: "crm-e2e-${NUMBER}", number: "${NUMBER}", signedOn: "2025-02-14",
    holderIinBin: "${CITIZEN_IIN}", holderName: "Садықова Әйгерім Нұрланқызы",
    complex: { externalId: "cx-alma", name: "ЖК «Алма Сити»", address: "Алматы қ., Әл-Фараби даңғылы, 140", website: "https://almacity.kz", commissioningDate: "2027-03-31" },
    premises: { kind: FLAT, number: "71" },
    developer: { bin: "150940012342", name: "ТОО «Алатау Құрылыс»", phone: "+77272660202", email: "sales@alatau-qurylys.kz" },
    authorizedCompany: { bin: "150940012342", name: "ТОО «Алатау Құрылыс»", phone: "+77272660202", email: "sales@alatau-qurylys.kz" },
    guarantee: { kind: AKIMAT_PERMIT, number: "KZ12REA00012345", date: "2023-11-20" }
  }) { created changedFields contract { id number version } errors { field code } }
}`.replace(/\s*\n\s*/g, ' ');

test('a partner adds a contract in GraphiQL and the citizen’s open page shows it without a reload', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  // The citizen has "My contracts" open, subscribed to contractUpdated.
  const citizen = await browser.newContext();
  const page = await citizen.newPage();
  await signInWithPassword(page, CITIZEN_IIN);
  await openMyContracts(page);
  await expect(contractButton(page, /^Н-3-67\/44-АФ/)).toBeVisible();
  await expect(contractButton(page, NUMBER)).toHaveCount(0);
  const count = Number((await page.getByText(/^Шарттар саны: \d+$/).textContent())?.replace(/\D/g, ''));
  await screenshot(page, testInfo, '01-citizen-before');

  // A partner developer, in another browser, runs the upsert with the demo key in the Headers pane.
  const partner = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const graphiql = await partner.newPage();
  await graphiql.goto('/graphql');
  const editor = graphiql.locator('.graphiql-query-editor .monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await expect(editor).toContainText('passwordPolicy', { timeout: 30_000 });
  const headers = graphiql.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor');
  await expect(headers).toBeVisible();
  await headers.click();
  await graphiql.keyboard.insertText(JSON.stringify({ 'X-Api-Key': DEMO_PARTNER_KEY }));
  await editor.click();
  await graphiql.keyboard.press('ControlOrMeta+A');
  await graphiql.keyboard.press('Delete');
  await graphiql.keyboard.insertText(MUTATION);
  await graphiql.getByRole('button', { name: /Prettify query/i }).click();
  await expect(editor).toContainText('partnerContractUpsert');
  await expect(headers).toContainText('X-Api-Key');
  await screenshot(graphiql, testInfo, '02-graphiql-mutation', { fullPage: false });
  await graphiql.getByRole('button', { name: /Execute query/i }).click();
  const response = graphiql.locator('.graphiql-response');
  await expect(response).toContainText('"created": true', { timeout: 20_000 });
  await expect(response).toContainText('"errors": []');
  await screenshot(graphiql, testInfo, '03-graphiql-result', { fullPage: false });

  // No reload: the new number button appears, marked new, and the change is announced.
  const added = contractButton(page, new RegExp(`^${NUMBER.replace(/[/]/g, '\\/')}`));
  await expect(added).toBeVisible();
  await expect(added).toHaveAccessibleName(`${NUMBER} Жаңа`);
  await expect(page.getByText(`Жаңа шарт қосылды: № ${NUMBER}`)).toBeAttached();
  await expect(page.getByText(`Шарттар саны: ${count + 1}`)).toBeVisible();
  await screenshot(page, testInfo, '04-citizen-new-button');

  await added.click();
  await expect(added).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Үлестік қатысу туралы шарт', exact: true })).toContainText(NUMBER);
  await expect(page.getByRole('region', { name: 'ТК туралы ақпарат' })).toContainText('ЖК «Алма Сити»');
  await expect(page.getByRole('region', { name: 'Құрылыс салушы туралы ақпарат' })).toContainText('ТОО «Алатау Құрылыс»');
  const created = page.getByRole('list', { name: 'Шарт өзгерістерінің тізімі' }).locator(':scope > li').first();
  await expect(created).toContainText('Шарт қосылды');
  await expect(created).toContainText('Серіктес: Алатау Құрылыс CRM (demo)');
  await screenshot(page, testInfo, '05-citizen-new-contract');

  await partner.close();
  await citizen.close();
});
