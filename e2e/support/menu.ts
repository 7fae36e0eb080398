import type { Page } from '@playwright/test';

/** Opens the side menu (hidden by default, seed 000) and follows one of its links, as a person would. */
export async function openFromMenu(page: Page, linkName: string): Promise<void> {
  await page.getByRole('button', { name: 'Мәзірді ашу' }).click();
  await page.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' }).getByRole('link', { name: linkName }).click();
}
