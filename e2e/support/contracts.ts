import { expect, type Page } from '@playwright/test';

/** The citizen of the demo data: two contracts, Н-3-67/44-АФ (2023) and Н-3-71/12-АФ (2024). */
export const CITIZEN_IIN = '900515300197';
export const FIRST_CONTRACT = 'Н-3-67/44-АФ';
export const SECOND_CONTRACT = 'Н-3-71/12-АФ';
/** The demo key of ТОО «Алатау Құрылыс» (BIN 150940012342), from the README's partner guide. */
export const DEMO_PARTNER_KEY = 'shq_a1a7a0c1_demo-partner-key-for-the-playground-only';

/** Opens "My contracts" from the side menu, as seed 000 describes, and waits for live updates. */
export async function openMyContracts(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Мәзірді ашу' }).click();
  await page.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' }).getByRole('link', { name: 'Менің шарттарым' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Менің шарттарым' })).toBeVisible();
  await expect(page.getByText('Өзгерістер бірден көрсетіледі')).toBeVisible();
}

/** The row of contract-number buttons. */
export function contractButton(page: Page, number: string | RegExp) {
  return page.getByRole('group', { name: 'Шартты таңдау' }).getByRole('button', { name: number });
}

/**
 * Slows this page's uploads (Chromium's network emulation): on loopback an 80 MB file would
 * otherwise be sent before anyone could see, pause or screenshot its progress.
 */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}
