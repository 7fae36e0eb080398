import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Locator, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { CITIZEN_IIN, contractButton, openMyContracts, SECOND_CONTRACT, throttleUploads } from '../support/contracts';
import { screenshot } from '../support/screenshots';

// Uploads go to the second demo contract; contracts.spec.ts updates the first one.
const TITLE = 'Төлем туралы түбіртектің сканері';
const SIZE_MB = 80;

let folder = '';
let bigFile = '';
let renamedZip = '';

test.beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'shanyraq-e2e-upload-'));
  // A large "PDF": the server checks only the first bytes, so the rest can be noise.
  bigFile = path.join(folder, 'big-scan.pdf');
  const file = await open(bigFile, 'w');
  await file.write(Buffer.from('%PDF-1.7\n'));
  const chunk = randomBytes(1024 * 1024);
  for (let i = 0; i < SIZE_MB; i++) await file.write(chunk);
  await file.close();
  // A ZIP wearing a .pdf name.
  renamedZip = path.join(folder, 'contract.pdf');
  await writeFile(renamedZip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2048)]));
});

test.afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function percent(bar: Locator): Promise<number> {
  return Number(await bar.getAttribute('aria-valuenow'));
}

test('a large supporting document uploads with progress, pause and resume, survives a reload, and is attached', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInWithPassword(page, CITIZEN_IIN);
  await openMyContracts(page);
  await contractButton(page, SECOND_CONTRACT).click();
  await expect(page.getByRole('region', { name: 'Үлестік қатысу туралы шарт', exact: true })).toContainText(SECOND_CONTRACT);
  const documents = page.getByRole('region', { name: 'Құжаттар' });
  await documents.getByRole('button', { name: 'Құжат қосу' }).click();
  let panel = page.getByRole('region', { name: 'Құжат қосу' });

  // Checked before a byte is sent: a title is needed, and a renamed non-PDF is refused by its content.
  await panel.getByRole('button', { name: 'Жүктеп салу' }).click();
  await expect(panel.getByLabel('Құжат атауы')).toHaveAccessibleDescription(/Бұл өрісті толтырыңыз\./);
  await expect(panel.getByLabel('Құжат атауы')).toBeFocused();
  await panel.getByLabel('Файл').setInputFiles(renamedZip);
  await expect(panel.getByLabel('Файл')).toHaveAccessibleDescription(/Тек PDF, JPEG және PNG файлдары қабылданады/);
  await screenshot(page, testInfo, '01-refused-file');

  // 80 MB at about 8 MB/s: slow enough to watch.
  await throttleUploads(page, 8 * 1024 * 1024);
  await panel.getByLabel('Құжат атауы').fill(TITLE);
  await panel.getByLabel('Файл').setInputFiles(bigFile);
  await expect(panel.getByText(`big-scan.pdf · ${SIZE_MB} МБ`)).toBeVisible();
  await panel.getByRole('button', { name: 'Жүктеп салу' }).click();
  const bar = panel.getByRole('progressbar', { name: 'Жүктеу барысы: big-scan.pdf' });
  await expect.poll(() => percent(bar)).toBeGreaterThanOrEqual(10);
  const early = await percent(bar);
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+% — 80 МБ ішінен [\d,]+ МБ жүктелді$/);
  await expect(panel.getByRole('button', { name: 'Кідірту' })).toBeFocused();
  await screenshot(page, testInfo, '02-uploading');
  await expect.poll(() => percent(bar)).toBeGreaterThan(early);

  // Pause: nothing more is sent until Resume.
  await panel.getByRole('button', { name: 'Кідірту' }).click();
  await expect(panel.getByText('Кідіртілді', { exact: true })).toBeVisible();
  const paused = await percent(bar);
  await page.waitForTimeout(1000);
  expect(await percent(bar)).toBe(paused);
  await expect(panel.getByRole('button', { name: 'Жалғастыру' })).toBeFocused();
  await screenshot(page, testInfo, '03-paused');
  await panel.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(panel.getByText('Жүктелуде…', { exact: true })).toBeVisible();
  await expect.poll(() => percent(bar)).toBeGreaterThanOrEqual(Math.max(paused + 10, 40));

  // Paused again and the page reloaded: the same file picks up where the server stopped.
  await panel.getByRole('button', { name: 'Кідірту' }).click();
  await expect(panel.getByText('Кідіртілді', { exact: true })).toBeVisible();
  await page.reload();
  panel = page.getByRole('region', { name: 'Құжат қосу' });
  await expect(panel.getByText(/^Үзілген жүктеу: big-scan\.pdf — \d+%/)).toBeVisible();
  await panel.getByLabel('Файл').setInputFiles(bigFile);
  await expect(panel.getByText(/^Бұл файлдың үзілген жүктеуі табылды: \d+% жүктелген/)).toBeVisible();
  await expect(panel.getByLabel('Құжат атауы')).toHaveValue(TITLE);
  await screenshot(page, testInfo, '04-continue-offered');
  await panel.getByRole('button', { name: 'Жүктеуді жалғастыру' }).click();
  expect(await percent(panel.getByRole('progressbar')), 'it continues, it does not start over').toBeGreaterThanOrEqual(30);

  // Finished and attached: the document is in the list, and in the history.
  await expect(panel.getByText(`«${TITLE}» құжаты қосылды.`)).toBeVisible({ timeout: 60_000 });
  const added = documents.getByRole('list', { name: 'Басқа құжат' }).getByRole('listitem').filter({ hasText: TITLE });
  await expect(added).toContainText(`PDF, ${SIZE_MB} МБ`);
  await expect(added).toContainText('Сіз');
  await expect(added.getByRole('link', { name: `Жүктеп алу: ${TITLE}` })).toHaveAttribute('href', /^\/files\//);
  const latest = page.getByRole('list', { name: 'Шарт өзгерістерінің тізімі' }).locator(':scope > li').first();
  await expect(latest).toContainText('Құжат қосылды');
  await expect(latest).toContainText('Сіз');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tus::'))), 'a finished upload is forgotten').toEqual([]);
  await screenshot(page, testInfo, '05-attached');
});
