import { expect, type Page, test } from '@playwright/test';
import { smallPdf } from '../support/applications';
import { signInWithPassword } from '../support/auth';
import { openCertificate } from '../support/eds';
import { fileBySms, fileComplaint, OFFICE_PERSONAS, openFromMenu, QUEUE_OFFICER_LOGIN, waitForStatus } from '../support/queueOffice';
import { screenshot } from '../support/screenshots';

/**
 * The refusal path through the hearing (order §17), in two browsers: a persona who privatized state
 * housing files (through the API; the citizen specs show the form), the automatic check sends the
 * preliminary decision, the applicant states a position with a document in the cabinet, the queue
 * officer reads it in the back office and records a reasoned refusal signed with EDS in the browser
 * (the demo CA's officer certificate), and the applicant's page shows the refusal with its reasons;
 * then the applicant complains, and the officer takes the complaint up and rejects it with reasoning.
 */
test('the officer records a reasoned refusal after the hearing, signed with EDS, and the applicant sees it', async ({ browser, request }, testInfo) => {
  test.setTimeout(180_000);
  const me = OFFICE_PERSONAS.privatized;
  let n = 0;
  const shots = (page: Page) => async (name: string, fullPage = true) => screenshot(page, testInfo, `${String(++n).padStart(2, '0')}-${name}`, { fullPage });

  const filed = await fileBySms(request, me);
  await waitForStatus(request, me, filed.id, 'HEARING');

  // The officer: the hearings, with their countdowns; the card waits for the applicant's position.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  const shotOfficer = shots(officer);
  await signInWithPassword(officer, QUEUE_OFFICER_LOGIN);
  await openFromMenu(officer, 'Тұрғын үй кезегі: қызметкер', 'Тұрғын үй кезегіне өтініштер');
  await officer.getByRole('group', { name: 'Мәртебесі бойынша' }).getByRole('button', { name: 'Алдын ала шешім, тыңдау' }).click();
  const row = officer.locator(`tr[data-application="${filed.number}"]`);
  await expect(row).toContainText(me.name);
  await expect(row).toContainText(me.iin);
  await expect(row.getByTestId('countdown')).toContainText(/Тыңдау|Түпкілікті шешім/);
  await expect(row.getByTestId('countdown')).toContainText(/(\d+ жұмыс күні қалды|Бүгін — соңғы жұмыс күні)/);
  await shotOfficer('office-hearings');

  await row.getByRole('link', { name: `${filed.number} өтінішін ашу` }).click();
  await expect(officer.getByRole('heading', { level: 1, name: `${filed.number} өтініші` })).toBeVisible();
  await expect(officer.getByTestId('queue-status')).toHaveText('Алдын ала шешім, тыңдау');
  await expect(officer.getByText('Өзгерістер бірден көрсетіледі')).toBeVisible();
  const applicant = officer.getByRole('region', { name: 'Өтініш беруші (мемлекеттік тізілімдердің деректері)' });
  await expect(applicant).toContainText(me.name);
  await expect(applicant).toContainText(me.iin);
  await expect(officer.getByRole('region', { name: 'Тексерулер мен себептер' }).locator('.qo-check--failed')).toContainText(me.reason);
  const card = officer.getByRole('region', { name: 'Тыңдау', exact: true });
  await expect(card.getByText('Өтініш беруші әзірге ұстанымын білдірмеген.')).toBeVisible();

  // The applicant: the preliminary decision, then the position with a document.
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  const shotCitizen = shots(citizen);
  await signInWithPassword(citizen, me.email);
  await citizen.goto(`/queue/applications/${filed.id}`);
  const hearing = citizen.getByRole('region', { name: 'Алдын ала шешім және тыңдау' });
  await expect(hearing.locator(`[data-reason="${me.reason}"]`)).toBeVisible();
  const position = 'Пәтер 1998 жылы жекешелендірілген, бірақ 2012 жылы сатылды; қазір менде тұрғын үй жоқ. Сату шартын қоса беремін.';
  await hearing.getByRole('textbox', { name: 'Менің ұстанымым' }).fill(position);
  await hearing.getByLabel('Ұстанымға құжаттар').setInputFiles(await smallPdf('sale-2012.pdf', 'Сату шарты 2012'));
  await expect(hearing.getByRole('list', { name: /^Қосылған файлдар/ })).toContainText('sale-2012.pdf');
  await hearing.getByRole('button', { name: 'Ұстанымды жіберу' }).click();
  await expect(hearing.getByText(/^Ұстанымыңыз .+ жіберілді\.$/)).toBeVisible();
  await shotCitizen('citizen-position-sent');

  // The officer's card shows the position by itself, with the applicant's file.
  await expect(card.getByTestId('hearing-position')).toHaveText(position);
  await expect(card.getByRole('list', { name: 'Өтініш берушінің файлдары' })).toContainText('sale-2012.pdf');
  await shotOfficer('office-hearing');

  // A refusal needs its reasoning; then it is signed with the officer's key in this browser.
  await card.getByRole('radio', { name: 'Уәжді бас тарту', exact: true }).check();
  await card.getByRole('button', { name: 'ЭЦҚ-мен қол қою…' }).click();
  await expect(card.getByText('Бұл өрісті толтырыңыз.')).toBeVisible();
  const reasoning = 'Жекешелендірілген мемлекеттік тұрғын үйді бұрын алған (1998 ж.): Қағидалардың 15-тармағының 7) тармақшасы. Кейін сатылуы бұл негізді жоймайды.';
  await card.getByLabel(/^Шешімнің уәждемесі/).fill(reasoning);
  await card.getByRole('button', { name: 'ЭЦҚ-мен қол қою…' }).click();
  const dialog = officer.getByRole('dialog', { name: `${filed.number} өтініші бойынша шешімге қол қою` });
  await expect(dialog).toContainText(reasoning);
  await openCertificate(dialog, 'queue-officer-sign');
  await expect(dialog.getByRole('group', { name: 'Сертификат иесі' })).toContainText('ЖҰМАБЕКОВ ЕРЛАН');
  await shotOfficer('office-sign', false);
  await dialog.getByRole('button', { name: 'Қол қою және жіберу', exact: true }).click();

  await expect(officer.getByText('Уәжді бас тарту ЭЦҚ-мен қол қойылып, өтініш берушіге жіберілді.')).toBeVisible();
  await expect(officer.getByTestId('queue-status')).toHaveText('Бас тартылды');
  await expect(officer.getByRole('region', { name: 'Тыңдау', exact: true })).toContainText(reasoning);
  await shotOfficer('office-refused');

  // The applicant's page: the refusal (live, or after a reload at the latest) with its reasons.
  await expect(async () => {
    await expect(citizen.getByTestId('queue-status')).toHaveText('Бас тартылды', { timeout: 3_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000, 3_000] }).catch(async () => {
    await citizen.reload();
    await expect(citizen.getByTestId('queue-status')).toHaveText('Бас тартылды');
  });
  await expect(citizen.locator('.q-reasons').first()).toBeVisible();
  await shotCitizen('citizen-refused');

  // The applicant complains to the provider's head; the officer works it with its countdowns.
  const complaint = await fileComplaint(request, me, filed.id, 'Шешіммен келіспеймін: пәтер 2012 жылы сатылған, соңғы бес жылда менде тұрғын үй болған жоқ.');
  await officer.getByRole('link', { name: '← Өтініштер тізіміне' }).click();
  await officer.getByRole('navigation', { name: 'Қызметкер кабинетінің бөлімдері' }).getByRole('link', { name: 'Шағымдар' }).click();
  await expect(officer.getByRole('heading', { level: 1, name: 'Шешімдерге шағымдар' })).toBeVisible();
  const item = officer.getByRole('article', { name: `№ ${complaint} шағым` });
  await expect(item).toContainText(filed.number);
  await expect(item).toContainText('Қызмет берушінің басшысына');
  await expect(item.getByTestId('countdown').first()).toContainText(/\d+ жұмыс күні қалды/);
  await item.getByRole('button', { name: 'Қарауға алу' }).click();
  await expect(officer.getByText(`№ ${complaint} шағым: Қаралуда.`)).toBeVisible();
  await shotOfficer('office-complaint');
  await item.getByRole('radio', { name: 'Уәжді түрде қанағаттандырусыз қалдыру' }).check();
  const answer = 'Жекешелендірілген мемлекеттік тұрғын үйді алу фактісі сатумен жойылмайды (Қағидалардың 15-тармағының 7) тармақшасы); шешім өзгеріссіз қалады.';
  await item.getByRole('textbox', { name: /^Жауап/ }).fill(answer);
  await item.getByRole('button', { name: 'Жауапты жіберу' }).click();
  await expect(officer.getByText(`№ ${complaint} шағым: Қанағаттандырусыз қалдырылды.`)).toBeVisible();
  await expect(item).toContainText(answer);
  await shotOfficer('office-complaint-answered');

  await citizenContext.close();
  await officerContext.close();
});
