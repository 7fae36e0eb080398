import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** ТОО «Алатау Құрылыс», the authorized company of the «Нұрсая» contracts: it files applications to KZhK. */
export const ALATAU_LOGIN = 'api@alatau-qurylys.demo.shanyraq.kz';
/** ТОО «Байтерек Девелопмент», the developer of those contracts: it signs the supplementary agreement too. */
export const BAYTEREK_LOGIN = 'office@bayterek-dev.demo.shanyraq.kz';
export const OPERATOR_LOGIN = 'operator@demo.shanyraq.kz';
export const NURSAYA_CONTRACT = 'Н-3-67/44-АФ';

/** A small real PDF (the server checks the first bytes; the verify page is not asked about it). */
export async function smallPdf(name: string, text: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'shanyraq-e2e-pdf-'));
  const file = path.join(folder, name);
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  await writeFile(file, body);
  return file;
}

/** Opens "My applications at KZhK" from the side menu, as seed 001 begins. */
export async function openMyApplications(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Мәзірді ашу' }).click();
  await page.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' }).getByRole('link', { name: '«ҚТК» АҚ-дағы менің өтініштерім' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '«ҚТК» АҚ-дағы менің өтініштерім' })).toBeVisible();
  await expect(page.getByText('Өзгерістер бірден көрсетіледі')).toBeVisible();
}

/** The application's status badge on its card. */
export function statusOf(page: Page) {
  return page.getByTestId('application-status');
}

/** Seed 001, steps 3–6: conditions → type → contract and category → the form → the documents. Returns the draft's number. */
export async function createDraft(page: Page, options: { shots?: (name: string, viewportOnly?: boolean) => Promise<void>; requested?: string } = {}): Promise<string> {
  const shot = options.shots ?? (async () => undefined);
  await page.getByRole('button', { name: 'Өтініш жасау' }).click();
  const chooser = page.getByRole('dialog', { name: 'Өтініш беру шарттары' });
  await expect(chooser.getByText('Құрылыс мерзімін ұзарту')).toBeVisible();
  await shot('conditions', true);
  await chooser.getByRole('radio', { name: /Құрылыс мерзімін ұзарту/ }).check();
  await chooser.getByRole('button', { name: 'Жалғастыру' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Жаңа өтініш' })).toBeVisible();
  const contract = page.getByRole('combobox', { name: 'Шарт', exact: true });
  const option = contract.locator('option', { hasText: NURSAYA_CONTRACT });
  await contract.selectOption(String(await option.getAttribute('value')));
  await page.getByLabel('Түзету санаты').selectOption({ label: 'Пайдалануға беру мерзімі' });
  await shot('contract-and-category');
  await page.getByRole('button', { name: 'Жалғастыру' }).click();

  const heading = page.getByRole('heading', { level: 1, name: /^KZH-\d{4}-[0-9A-F]+ өтінімі$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).replace(' өтінімі', '').trim();
  // Prefilled from the contract (its commissioning date: contracts.spec.ts may have just moved it) and from the account.
  await expect(page.getByLabel('Қазіргі мән (шарт бойынша)')).toHaveValue(/^\d{4} ж\. \d{1,2} \S+$/);
  await expect(page.getByLabel('Байланыс телефоны')).toHaveValue('+77011110005');
  await page.getByLabel('Сұралатын мән').fill(options.requested ?? '2027 ж. 31 наурыз');
  await page.getByLabel('Негіздеме').fill('Жеткізушілердің кешігуіне байланысты қасбет жұмыстары 6 айға ұзартылады.');
  await page.getByLabel('Байланыс тұлғасы').fill('Исаева Гүлжан Маратқызы');
  await shot('form');

  await page.getByRole('tab', { name: 'Растайтын құжаттар' }).click();
  const documents: [string, string][] = [
    ['Ресми өтініш-хат', 'official-letter.pdf'],
    ['Жаңартылған құрылыс кестесі', 'revised-schedule.pdf'],
    ['Техникалық қадағалау есебі', 'supervision-report.pdf'],
  ];
  for (const [requirement, file] of documents) {
    const section = page.getByRole('region', { name: requirement });
    await section.getByLabel(`Файл қосу: ${requirement}`).setInputFiles(await smallPdf(file, requirement));
    await expect(section.getByRole('list', { name: `Жүктелген файлдар: ${requirement}` })).toContainText(file);
  }
  await shot('documents');
  return number;
}

/** "Өтінімге қол қою": the review conditions with the agreement, then the way to sign. */
export async function openSigning(page: Page, shot?: (name: string, viewportOnly?: boolean) => Promise<void>): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Өтінімге қол қою' }).click();
  const dialog = page.getByRole('dialog', { name: /өтінімге қол қою$/ });
  await expect(dialog.getByText('Өтінішті қарау шарттары мен мерзімдері')).toBeVisible();
  await dialog.getByLabel('Өтінішті қарау шарттарымен және мерзімдерімен таныстым және келісемін').check();
  if (shot) await shot('terms', true);
  await dialog.getByRole('button', { name: 'Жалғастыру' }).click();
  return dialog;
}
