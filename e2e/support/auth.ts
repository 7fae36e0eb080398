import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type APIRequestContext, expect, type Page, type PlaywrightWorkerArgs, type TestInfo } from '@playwright/test';
import { nextCode, outboxMark } from './outbox';

export const DEMO_PASSWORD = 'Shanyraq-Demo-2026!';

/** Signs in through the password form, as a person would, and waits for the Profile. */
export async function signInWithPassword(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('ЖСН/БСН немесе электрондық пошта').fill(login);
  await page.getByLabel('Құпия сөз', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
}

/** A contract holder of the demo registry with no account yet (README: the registration wizard). */
export interface Holder {
  iinBin: string;
  contractNumber: string;
  contractDate: string;
  email: string;
  phone: string;
  password: string;
}

async function graphql<T>(request: APIRequestContext, query: string, input: Record<string, unknown>): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables: { input } } });
  expect(response.ok()).toBeTruthy();
  const body = (await response.json()) as { data: Record<string, T & { errors?: unknown[] }> };
  const payload = Object.values(body.data)[0];
  expect(payload.errors ?? []).toEqual([]);
  return payload;
}

/**
 * Registers a holder through the API (the wizard has its own spec): an account of the spec's own,
 * whose sign-ins, notifications and roles no other spec changes. For a beforeAll, which has no
 * `request` of its own.
 */
export async function registerHolder(playwright: PlaywrightWorkerArgs['playwright'], testInfo: TestInfo, holder: Holder): Promise<void> {
  // A worker that replaces a failed one runs the beforeAll again: the server's database remembers
  // the account, and so does this run's folder (a second registration would get no code).
  const done = path.join(process.env.E2E_VAR_DIR ?? tmpdir(), `e2e-registered-${holder.iinBin}`);
  if (existsSync(done)) return;
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    await register(request, holder);
    await writeFile(done, '');
  } finally {
    await request.dispose();
  }
}

async function register(request: APIRequestContext, holder: Holder): Promise<void> {
  const seen = await outboxMark(request, holder.phone);
  const { registrationId } = await graphql<{ registrationId: string }>(
    request,
    'mutation($input: RegistrationStartInput!) { registrationStart(input: $input) { registrationId errors { code field } } }',
    { iinBin: holder.iinBin, email: holder.email, contractNumber: holder.contractNumber, contractDate: holder.contractDate, phone: holder.phone },
  );
  const { code } = await nextCode(request, holder.phone, seen);
  await graphql(request, 'mutation($input: RegistrationVerifyInput!) { registrationCodeVerify(input: $input) { verified errors { code field } } }', { registrationId, code });
  await graphql(
    request,
    'mutation($input: RegistrationCompleteInput!) { registrationComplete(input: $input) { errors { code field } } }',
    { registrationId, password: holder.password, passwordConfirmation: holder.password },
  );
}
