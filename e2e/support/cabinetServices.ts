import { deflateSync, crc32 } from 'node:zlib';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { nextCode, outboxMark } from './outbox';

/** The demo resident of seed 004 (README): signs in by phone only; account 10117 is confirmed. */
export const DEMO_RESIDENT_PHONE = '+77071234567';

/**
 * Signs the demo resident in by an SMS code, as a person would. The per-phone limit of codes
 * stays as in production (one a minute): another spec may have asked for a code just before,
 * so a "too soon" answer waits for the minute and asks again.
 */
export async function signInDemoResident(page: Page, request: APIRequestContext): Promise<void> {
  await page.goto('/login?method=phone');
  await page.getByLabel('Телефон', { exact: true }).fill(DEMO_RESIDENT_PHONE);
  await page.getByLabel(/пайдаланушы келісімін қабылдаймын/).check();
  const codeField = page.getByLabel('Растау коды');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const seen = await outboxMark(request, DEMO_RESIDENT_PHONE);
    await page.getByRole('button', { name: 'Жалғастыру' }).click();
    const tooSoon = page.getByRole('alert').filter({ hasText: /кейін|қайта/ });
    const outcome = await Promise.race([
      codeField.waitFor({ state: 'visible', timeout: 15_000 }).then(() => 'code' as const),
      tooSoon.first().waitFor({ state: 'visible', timeout: 15_000 }).then(() => 'wait' as const),
    ]);
    if (outcome === 'code') {
      const { code } = await nextCode(request, DEMO_RESIDENT_PHONE, seen);
      await codeField.fill(code);
      await page.getByRole('button', { name: 'Растау' }).click();
      // A resident lands in the cabinet (older builds: the profile).
      await expect(page).toHaveURL(/\/(cabinet|profile)/);
      return;
    }
    await page.waitForTimeout(61_000);
  }
  throw new Error('The demo resident could not get a sign-in code');
}

/** Opens the cabinet of the demo resident's confirmed account 10117 and gives its id. */
export async function openDemoAccount(page: Page): Promise<string> {
  await page.goto('/cabinet');
  const select = page.locator('a[href^="/cabinet/"]').filter({ hasNotText: /^$/ }).first();
  await expect(select).toBeVisible();
  const href = (await select.getAttribute('href')) ?? '';
  const accountId = /\/cabinet\/([^/?#]+)/.exec(href)?.[1];
  if (!accountId) throw new Error(`No account link: ${href}`);
  return accountId;
}

/**
 * Remembers the interface language as the header's switcher does; the next page load uses it.
 * (No reload here: a load that starts while the previous one is still restoring the session would
 * spend the rotating refresh cookie twice, and the server then ends the session.)
 */
export async function useLanguage(page: Page, locale: 'kk' | 'ru' | 'en'): Promise<void> {
  await page.evaluate((value) => window.localStorage.setItem('shanyraq.locale', value), locale);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A small real PNG (a leaking pipe drawn as a blue bar with a red drop), made here, not committed. */
export function photoPng(size = 96): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const pipe = y > size * 0.3 && y < size * 0.45;
      const drop = (x - size * 0.6) ** 2 + (y - size * 0.65) ** 2 < (size * 0.08) ** 2;
      const [r, g, b] = drop ? [210, 40, 40] : pipe ? [40, 90, 200] : [235, 240, 245];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
