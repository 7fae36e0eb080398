import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** The password of every demo .p12 (backend/pki/demo_ca.py). */
export const EDS_PASSWORD = 'Demo-EDS-2026!';

/** A demo certificate of this run's server: `<E2E_VAR_DIR>/pki/<name>.p12` (playwright.config.ts sets the folder). */
export function p12(name: string): string {
  const varDir = process.env.E2E_VAR_DIR;
  if (!varDir) throw new Error('E2E_VAR_DIR is not set: run the specs through playwright.config.ts');
  return path.join(varDir, 'pki', `${name}.p12`);
}

/** Chooses the .p12, types its password and opens it, as a person would; the owner is then shown. */
export async function openCertificate(scope: Page | Locator, name: string, password = EDS_PASSWORD): Promise<void> {
  await scope.getByLabel('ЭЦҚ кілті (.p12 файлы)').setInputFiles(p12(name));
  await scope.getByLabel('Кілттің құпия сөзі', { exact: true }).fill(password);
  await scope.getByRole('button', { name: 'Сертификатты ашу' }).click();
}

/** Opens the certificate, checks whose it is, and presses the form's final button. */
export async function signWith(scope: Page | Locator, name: string, owner: string | RegExp, submit: string): Promise<void> {
  await openCertificate(scope, name);
  await expect(scope.getByRole('group', { name: 'Сертификат иесі' })).toContainText(owner);
  await scope.getByRole('button', { name: submit, exact: true }).click();
}
