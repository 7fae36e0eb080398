import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Demo personas of the queue (helper R's table in README: IIN → what it demonstrates). Each spec
 * files for its own persona, since the run shares one database and a person has one open application.
 */
export const QUEUE_PERSONAS = {
  /** #08 Қасымов Дәурен Жанұлы, Karaganda: sold his last flat over 5 years ago → registered. */
  eligible: { iin: '790618301566', name: 'Қасымов Дәурен Жанұлы', phone: '+77015550108' },
  /** #06 Бекмұхамбетов Арман Серікұлы, Pavlodar: owns a flat bought in 2021 → preliminary refusal, hearing. */
  owner: { iin: '851123301422', name: 'Бекмұхамбетов Арман Серікұлы', phone: '+77015550106' },
  /** #22 Мұратова Гүлнұр Сабитқызы, guardian (legal representative) of the minor #21. */
  guardian: { iin: '800202402543', name: 'Мұратова Гүлнұр Сабитқызы', phone: '+77015550122' },
  /** #21 Мұратов Әлихан Ерболұлы, 15, without parental care, Kokshetau → registered (§11). */
  minor: { iin: '110404502474', name: 'Мұратов Әлихан Ерболұлы' },
  /** #12 Мырзахметов Талғат Оңалбекұлы, Shymkent: his only house, declared emergency, is in Turkistan → the officer reviews. */
  emergency: { iin: '750808301849', name: 'Мырзахметов Талғат Оңалбекұлы', phone: '+77015550112' },
  /** #19 Өтегенова Мәдина Сейітқызы, Atyrau: disability group II confirmed by the registry → the vulnerable list. */
  disabled: { iin: '771201402334', name: 'Өтегенова Мәдина Сейітқызы', phone: '+77015550119', category: 'disability_1_2' },
} as const;

/** The side menu's words in the two languages the queue specs speak. */
export const MENU = {
  kk: { open: 'Мәзірді ашу', dialog: 'Жеке кабинеттің мәзірі', queue: 'Тұрғын үй кезегі', history: 'Қызметтерді алу тарихы' },
  ru: { open: 'Открыть меню', dialog: 'Меню личного кабинета', queue: 'Очередь на жильё', history: 'История получения услуг' },
} as const;

/** Follows a link of the side menu (hidden by default, seed 000) and waits for the page's heading. */
export async function openFromQueueMenu(page: Page, lang: keyof typeof MENU, link: 'queue' | 'history'): Promise<void> {
  const words = MENU[lang];
  await page.getByRole('button', { name: words.open }).click();
  await page.getByRole('dialog', { name: words.dialog }).getByRole('link', { name: words[link], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: words[link] })).toBeVisible();
}

/** The four consents of Appendix 2, each ticked by its own label. */
export async function giveConsents(page: Page, labels: readonly (string | RegExp)[]): Promise<void> {
  for (const label of labels) await page.getByRole('checkbox', { name: label }).check();
}

/** The status badge on the application page or in a row of the list. */
export function queueStatus(scope: Page | Locator): Locator {
  return scope.getByTestId('queue-status');
}

/** Clicks a download link and returns the file's text as `pdftotext` reads it (poppler-utils). */
export async function downloadPdfText(page: Page, link: Locator): Promise<{ text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { text, bytes };
}
