import { expect, test } from '@playwright/test';
import { screenshot } from '../support/screenshots';

test('partners get a GraphiQL playground at /graphql, built in, that runs queries', async ({ page, baseURL }, testInfo) => {
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(baseURL as string) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });

  await page.goto('/graphql');
  const run = page.getByRole('button', { name: /Execute query/i });
  await expect(run).toBeVisible();
  // Monaco is a few megabytes and starts its workers first: give it time on a busy machine.
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await expect(editor).toContainText('passwordPolicy', { timeout: 30_000 });
  await screenshot(page, testInfo, '01-playground');

  // Replace the example with the query of the brief, typed as a partner would paste it.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ passwordPolicy { minLength } }');
  await run.click();
  const response = page.locator('.graphiql-response');
  await expect(response).toContainText('"minLength": 8', { timeout: 20_000 });
  await screenshot(page, testInfo, '02-query-result');

  expect(foreign, 'the playground must not load anything from another host').toEqual([]);
});
