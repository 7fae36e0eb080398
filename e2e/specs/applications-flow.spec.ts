import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { ALATAU_LOGIN, BAYTEREK_LOGIN, createDraft, openMyApplications, openSigning, OPERATOR_LOGIN, statusOf } from '../support/applications';
import { signInWithPassword } from '../support/auth';
import { openCertificate, signWith } from '../support/eds';
import { screenshot } from '../support/screenshots';

/**
 * Seed 001 end to end, in three browsers at once: ТОО «Алатау Құрылыс» files and signs an
 * application, KZhK's operator moves it along the route, the company's page follows every step
 * live; a revision is signed again; the supplementary agreement is signed by the company, by the
 * developer (ТОО «Байтерек Девелопмент») and by KZhK, and the signed PDF checks out as KZhK's.
 */
test('an application goes the whole route, live, with EDS signatures of both companies and KZhK', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  let n = 0;
  // Dialogs are shot as the person sees them (the viewport); pages whole.
  const shots = (page: Page) => async (name: string, viewportOnly = false) =>
    screenshot(page, testInfo, `${String(++n).padStart(2, '0')}-${name}`, { fullPage: !viewportOnly });

  const companyContext = await browser.newContext();
  const operatorContext = await browser.newContext();
  const company = await companyContext.newPage();
  const operator = await operatorContext.newPage();
  const shotCompany = shots(company);
  const shotOperator = shots(operator);

  // The company: its list, then the seed's create flow with three documents.
  await signInWithPassword(company, ALATAU_LOGIN);
  await openMyApplications(company);
  await shotCompany('list');
  const number = await createDraft(company, { shots: shotCompany });

  // Sign with the company director's certificate (EDS in the browser) and send.
  const dialog = await openSigning(company, shotCompany);
  await dialog.getByRole('button', { name: /ЭЦҚ арқылы/ }).click();
  await openCertificate(dialog, 'alatau-director-sign');
  const owner = dialog.getByRole('group', { name: 'Сертификат иесі' });
  await expect(owner).toContainText('ИСАЕВА ГҮЛЖАН МАРАТҚЫЗЫ');
  await expect(owner).toContainText('ТОО «Алатау Құрылыс»');
  await expect(owner).toContainText('150940012342');
  await shotCompany('certificate', true);
  await dialog.getByRole('button', { name: 'Нысанды жіберу', exact: true }).click();
  await expect(company.getByRole('heading', { level: 1, name: '«ҚТК» АҚ-дағы менің өтініштерім' })).toBeVisible();
  await expect(company.getByText(`${number} өтінімі қол қойылып, «ҚТК» АҚ-ға жіберілді.`)).toBeVisible();
  const row = company.locator(`tr[data-application="${number}"]`);
  await expect(row).toContainText('Өтінім жіберілді');
  await shotCompany('sent');

  // The company watches its application's card while KZhK works.
  await row.getByRole('link', { name: `${number} өтінішін ашу` }).click();
  await expect(statusOf(company)).toHaveText('Өтінім жіберілді');

  // The operator: the queue, then the card with the actions the route allows.
  await signInWithPassword(operator, OPERATOR_LOGIN);
  await operator.getByRole('button', { name: 'Мәзірді ашу' }).click();
  await operator.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' }).getByRole('link', { name: 'Өтініштер кезегі (ҚТК)' }).click();
  await expect(operator.getByRole('heading', { level: 1, name: 'Өтініштер кезегі' })).toBeVisible();
  await expect(operator.locator(`tr[data-application="${number}"]`)).toContainText('Өтінім жіберілді');
  await shotOperator('queue');
  await operator.getByRole('link', { name: `${number} өтінішін ашу` }).click();
  await expect(statusOf(operator)).toHaveText('Өтінім жіберілді');

  const act = async (action: string, fill: (panel: ReturnType<Page['getByRole']>) => Promise<void>, submit: string) => {
    await operator.getByRole('group', { name: 'Оператор әрекеттері' }).getByRole('button', { name: action, exact: true }).click();
    const panel = operator.getByRole('region', { name: action, exact: true });
    await fill(panel);
    await panel.getByRole('button', { name: submit, exact: true }).click();
  };

  // Registered: the server computes the registration date and the review deadline.
  await act('Тіркеу', (panel) => panel.getByLabel('Тіркеу нөмірі').fill('BPMS-2026-0457'), 'Тіркеу');
  await expect(operator.getByText(/^Тіркелді: № BPMS-2026-0457, күні .+, қарау мерзімі .+\.$/)).toBeVisible();
  await expect(statusOf(operator)).toHaveText('Өтінім тіркелген');
  await shotOperator('registered');
  await expect(statusOf(company)).toHaveText('Өтінім тіркелген');
  await expect(company.getByRole('region', { name: 'Қарау барысы' })).toContainText('BPMS-2026-0457');

  // Both reviews of this run go to the same executor.
  const takeIntoReview = () =>
    act(
      'Қарауға алу',
      async (panel) => {
        await panel.getByLabel('Жауапты орындаушының аты-жөні').fill('Оспанова Гүлнар Ерланқызы');
        await panel.getByLabel('Ішкі телефон').fill('4512');
      },
      'Қарауға алу',
    );

  await takeIntoReview();
  await expect(statusOf(company)).toHaveText('Өтінім қарауда');
  await expect(company.getByRole('region', { name: 'Қарау барысы' })).toContainText('Оспанова Гүлнар Ерланқызы');
  await expect(company.getByRole('region', { name: 'Қарау барысы' })).toContainText('4512');
  await shotCompany('in-review');

  const remark = 'Техникалық қадағалау есебіне инженердің қолы қойылмаған. Қол қойылған нұсқасын жүктеңіз.';
  await act('Пысықтауға қайтару', (panel) => panel.getByLabel('Түсініктеме').fill(remark), 'Пысықтауға жіберу');
  await expect(statusOf(company)).toHaveText('Өтінім қаралды, пысықтау қажет');
  const notice = company.getByRole('status').filter({ hasText: 'Пысықтау мерзімі:' });
  await expect(notice).toContainText(remark);
  await expect(notice.getByRole('link', { name: /^Жүктеу: / })).toBeVisible();
  await shotCompany('needs-revision');

  // The company revises and signs again.
  await company.getByRole('link', { name: 'Пысықтау', exact: true }).click();
  await expect(company.getByRole('heading', { level: 1, name: `${number} өтінімі` })).toBeVisible();
  await company.getByLabel('Негіздеме').fill('Жеткізушілердің кешігуі; техникалық қадағалау есебіне инженер қол қойды.');
  const again = await openSigning(company);
  await again.getByRole('button', { name: /ЭЦҚ арқылы/ }).click();
  await signWith(again, 'alatau-director-sign', /ИСАЕВА ГҮЛЖАН/, 'Нысанды жіберу');
  await expect(company.getByText(`${number} өтінімі қол қойылып, «ҚТК» АҚ-ға жіберілді.`)).toBeVisible();
  await company.getByRole('link', { name: `${number} өтінішін ашу` }).click();
  await expect(statusOf(company)).toHaveText('Өтінім жіберілді');

  // The operator's card followed the re-sending live; the review goes on to approval and the SA draft.
  await expect(statusOf(operator)).toHaveText('Өтінім жіберілді');
  await act('Тіркеу', (panel) => panel.getByLabel('Тіркеу нөмірі').fill('BPMS-2026-0458'), 'Тіркеу');
  await expect(statusOf(operator)).toHaveText('Өтінім тіркелген');
  await takeIntoReview();
  await expect(statusOf(operator)).toHaveText('Өтінім қарауда');
  await act('Мақұлдау', async () => undefined, 'Мақұлдау');
  await expect(statusOf(company)).toHaveText('Өтінім мақұлданды, ҚК дайындалуда');
  await operator.getByRole('group', { name: 'Оператор әрекеттері' }).getByRole('button', { name: 'ҚК жобасын жіберу' }).click();
  await operator.getByRole('region', { name: 'ҚК жобасын жіберу' }).getByRole('button', { name: 'Өтінімнен жасау' }).click();
  await expect(statusOf(operator)).toHaveText('Өтініш берушінің ҚК-ға қол қоюы');
  await shotOperator('sa-draft');

  // The company signs the SA.
  await expect(statusOf(company)).toHaveText('Өтініш берушінің ҚК-ға қол қоюы');
  await company.getByRole('button', { name: 'ҚК-ға қол қою' }).click();
  const sa = company.getByRole('dialog', { name: /қосымша келісімге қол қою$/ });
  await sa.getByRole('button', { name: /ЭЦҚ арқылы/ }).click();
  await signWith(sa, 'alatau-director-sign', /ИСАЕВА ГҮЛЖАН/, 'Нысанды жіберу');
  await expect(company.getByText('Қосымша келісімге қол қойылды.')).toBeVisible();
  await expect(company.getByText('Қосымша келісімге екінші тараптың қолы күтілуде.')).toBeVisible();
  await shotCompany('sa-signed-by-company');

  // The developer signs it from its own list.
  const developerContext = await browser.newContext();
  const developer = await developerContext.newPage();
  const shotDeveloper = shots(developer);
  await signInWithPassword(developer, BAYTEREK_LOGIN);
  await openMyApplications(developer);
  await developer.getByRole('link', { name: `${number} өтінімі бойынша ҚК-ға қол қою` }).click();
  const devDialog = developer.getByRole('dialog', { name: /қосымша келісімге қол қою$/ });
  await devDialog.getByRole('button', { name: /ЭЦҚ арқылы/ }).click();
  await signWith(devDialog, 'bayterek-director-sign', /ТӨЛЕГЕНОВ АСХАТ[\s\S]*040640406657/, 'Нысанды жіберу');
  await expect(statusOf(developer)).toHaveText('«ҚТК» АҚ КҚ-ға қол қоюы');
  await shotDeveloper('sa-signed-by-developer');
  await expect(statusOf(company)).toHaveText('«ҚТК» АҚ КҚ-ға қол қоюы');

  // KZhK signs last: the SA gets its number, and the server signs the PDF (PAdES).
  await act('ҚК-ға «ҚТК» АҚ атынан қол қою', (panel) => panel.getByLabel('ҚК нөмірі').fill('ҚК-0457/2026'), 'Қол қою');
  await expect(statusOf(operator)).toHaveText('КҚ қол қойылды');
  await expect(statusOf(company)).toHaveText('КҚ қол қойылды');
  const agreement = company.getByRole('region', { name: 'Қосымша келісім' });
  await expect(agreement).toContainText('Қосымша келісім № ҚК-0457/2026');
  await expect(company.getByRole('region', { name: 'Қарау барысы' })).toContainText('ҚК-0457/2026');
  await shotCompany('sa-signed');

  // The signed SA: a real PDF, and the portal's check says KZhK signed it and nothing changed since.
  const signedFile = agreement.locator('.app-file').filter({ hasText: 'ҚК-0457/2026' });
  const [download] = await Promise.all([company.waitForEvent('download'), signedFile.getByRole('link', { name: /^Жүктеу: / }).click()]);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await signedFile.getByRole('link', { name: /^Қолтаңбасын тексеру: / }).click();
  await expect(company.getByRole('heading', { level: 1, name: 'Құжатты тексеру' })).toBeVisible();
  await expect(company.getByRole('heading', { level: 2, name: 'Қолтаңба жарамды' })).toBeVisible({ timeout: 20_000 });
  const signature = company.getByRole('article').first();
  await expect(signature).toContainText('ОСПАНОВА ГҮЛНАР');
  await expect(signature).toContainText('080540014021');
  await expect(signature).toContainText('Мазмұны өзгермеген');
  await shotCompany('verified');

  // The list on a 390-px phone: one card per application, the seed's columns as labels.
  await company.setViewportSize({ width: 390, height: 844 });
  await company.goto('/applications');
  await expect(company.locator(`tr[data-application="${number}"]`)).toContainText('КҚ қол қойылды');
  await shotCompany('list-phone');

  await companyContext.close();
  await operatorContext.close();
  await developerContext.close();
});
