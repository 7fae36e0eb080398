import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Shanyraq-Demo-2026!';

/** Signs in through the password form, as a person would, and waits for the Profile. */
export async function signInWithPassword(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('ЖСН/БСН немесе электрондық пошта').fill(login);
  await page.getByLabel('Құпия сөз', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
}
