import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { openDemoAccount, photoPng, signInDemoResident } from '../support/cabinetServices';
import { COMPANY_STAFF_LOGIN, DEMO_BILLING_KEY, estimatePdf, gql, localAt, residentToken, texts } from '../support/company';
import { screenshot } from '../support/screenshots';

// The management company's back office (seed 004), in Kazakh, across two browsers: the demo
// resident (one phone sign-in for the whole file: the phone's code limit is production's) and the
// company's staff. What this spec makes is its own: requests and outages say "e2e-company", the
// pending link comes from a fresh phone, the meeting is new; it decides nothing another spec made.
test.describe.configure({ mode: 'serial' });

const t = texts('kk');
/** A field's label, whole: a required one ends with its asterisk. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
const VISIT_DATE = '2027-01-21'; // after the server's clock (8 Dec 2026) and the browser's
const NEIGHBOUR_PHONE = '+77059990701'; // claims 10116 by address: pending for the company (10119's pending link is F's)

let residentContext: BrowserContext;
let staffContext: BrowserContext;
let resident: Page;
let staff: Page;
let accountId = '';
let requestNumber = 0;

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(240_000);
  residentContext = await browser.newContext();
  staffContext = await browser.newContext();
  resident = await residentContext.newPage();
  staff = await staffContext.newPage();
  await signInWithPassword(staff, COMPANY_STAFF_LOGIN);
});

/** The demo resident signs in once, when a test first needs them (a spec run with --grep may not). */
async function residentSignedIn(request: APIRequestContext): Promise<void> {
  if (accountId) return;
  await signInDemoResident(resident, request);
  accountId = await openDemoAccount(resident);
}

test.afterAll(async () => {
  await residentContext?.close();
  await staffContext?.close();
});

test('a request with a photo reaches the queue live, is taken and closed, and the resident sees each step live and rates it', async ({ request }) => {
  test.setTimeout(240_000);
  await residentSignedIn(request);
  // The staff's first page: what waits for the company, each count a way to its list.
  await staff.goto('/company');
  await expect(staff.getByRole('heading', { level: 1, name: t('company.dashboard.title') })).toBeVisible();
  await expect(staff.locator('[data-tile="fresh"] .co-tile__n')).toHaveText(/^\d+$/);
  await expect(staff.locator('[data-tile="links"] .co-tile__n')).toHaveText(/^\d+$/);
  await screenshot(staff, test.info(), '01-dashboard');

  // The queue stays open while the resident writes: the new request joins it by itself.
  await staff.getByRole('link', { name: new RegExp(t('company.dashboard.fresh')) }).click();
  await expect(staff.getByRole('heading', { level: 1, name: t('company.requests.title') })).toBeVisible();
  await expect(staff.getByText(t('common.liveOn'))).toBeVisible();

  await resident.goto(`/cabinet/${accountId}/requests/new`);
  const type = resident.getByLabel(t('cabinetServices.form.type'));
  await expect(type.locator('option')).not.toHaveCount(1);
  await type.selectOption({ index: 1 });
  const content = 'e2e-company: ас үйдегі су құбыры ағып тұр';
  await resident.getByLabel(t('cabinetServices.form.content')).fill(content);
  await resident.getByLabel(t('cabinetServices.form.visitDate')).fill(VISIT_DATE);
  await resident.getByLabel(t('cabinetServices.form.visitFrom')).fill('09:00');
  await resident.getByLabel(t('cabinetServices.form.visitTo')).fill('12:00');
  await resident.getByLabel(t('cabinetServices.form.photos')).setInputFiles({ name: 'qubyr.png', mimeType: 'image/png', buffer: photoPng(160) });
  await expect(resident.getByRole('img', { name: t('cabinetServices.form.preview', { name: 'qubyr.png' }) })).toBeVisible();
  await resident.getByRole('button', { name: t('cabinetServices.form.send') }).click();
  const heading = resident.getByRole('heading', { level: 2, name: /^№\d+ өтініш$/ });
  await expect(heading).toBeVisible();
  requestNumber = Number(/\d+/.exec(await heading.innerText())?.[0]);
  expect(requestNumber).toBeGreaterThan(0);

  // No reload in the back office: the row is there, with who asks, the account and the visit window.
  const row = staff.locator(`tr[data-request="${requestNumber}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(content);
  await expect(row).toContainText('10117');
  await expect(row).toContainText('09:00–12:00');
  await expect(row).toContainText(t('company.requestStatus.NEW'));
  await screenshot(staff, test.info(), '02-queue-new-request-live');

  // The search finds it by its number; the filters stay in the address.
  await staff.getByRole('searchbox').fill(`№${requestNumber}`);
  await staff.getByRole('button', { name: t('company.requests.searchButton') }).click();
  await expect(staff).toHaveURL(/q=/);
  await expect(staff.locator(`tr[data-request="${requestNumber}"]`)).toBeVisible();
  await staff.getByRole('link', { name: t('company.requests.openLabel', { number: requestNumber }) }).click();

  // The request: resident, account, address, phone, visit window, the photo, the history.
  await expect(staff.getByRole('heading', { level: 1, name: t('company.request.title', { number: requestNumber }) })).toBeVisible();
  const details = staff.getByRole('region', { name: t('company.request.details') });
  await expect(details).toContainText('Ахметов Марат Серікұлы');
  await expect(details).toContainText('+7 707 123 45 67');
  await expect(details).toContainText('10117');
  await expect(details).toContainText('Тұран');
  await expect(details).toContainText('09:00–12:00');
  await expect(staff.getByRole('region', { name: t('company.request.photos') }).getByRole('img', { name: 'qubyr.png' })).toBeVisible();
  await expect(staff.getByRole('region', { name: t('company.request.history') })).toContainText(t('company.history.created'));
  await screenshot(staff, test.info(), '03-request-new');

  // Taken into work: the resident's open page changes by itself.
  await staff.getByRole('button', { name: t('company.request.take') }).click();
  await expect(staff.getByText(t('company.request.taken', { number: requestNumber }))).toBeVisible();
  await expect(staff.getByTestId('request-status')).toHaveText(t('company.requestStatus.IN_WORK'));
  await expect(resident.getByText(t('cabinetServices.request.statusChanged', { status: t('cabinetServices.status.IN_WORK') }))).toBeVisible();
  await expect(resident.getByText(t('cabinetServices.status.IN_WORK'), { exact: true }).first()).toBeVisible();
  await screenshot(resident, test.info(), '04-resident-sees-in-work-live');

  // Closing says what was done: refused without it, at its field.
  await staff.getByRole('button', { name: t('company.request.close'), exact: true }).click();
  await expect(staff.getByLabel(exactly(t('company.request.comment')))).toHaveAccessibleDescription(new RegExp(t('errors.REQUIRED')));
  await screenshot(staff, test.info(), '05-close-needs-comment');
  const comment = 'Тіреуіштің тығыздағышы ауыстырылды, су ақпайды.';
  await staff.getByLabel(exactly(t('company.request.comment'))).fill(comment);
  await staff.getByRole('button', { name: t('company.request.close'), exact: true }).click();
  await expect(staff.getByTestId('request-status')).toHaveText(t('company.requestStatus.CLOSED'));
  await expect(staff.getByRole('region', { name: t('company.request.content') })).toContainText(comment);

  // The resident: closed, with the company's comment, live; then rates it once.
  await expect(resident.getByText(t('cabinetServices.request.statusChanged', { status: t('cabinetServices.status.CLOSED') }))).toBeVisible();
  await expect(resident.getByRole('definition').filter({ hasText: comment })).toBeVisible();
  await resident.getByRole('radio', { name: t('cabinetServices.rating.scoreOf', { n: 5 }) }).check();
  await resident.getByLabel(t('cabinetServices.rating.comment')).fill('Тез келді, рахмет!');
  await resident.getByRole('button', { name: t('cabinetServices.rating.send') }).click();
  await expect(resident.getByRole('region', { name: t('cabinetServices.rating.given') })).toContainText(t('cabinetServices.rating.outOf', { n: 5 }));
  await screenshot(resident, test.info(), '06-resident-rated');

  // The back office sees the rating without a reload, and the whole history.
  const rating = staff.getByTestId('request-rating');
  await expect(rating).toContainText(t('company.request.ratingValue', { rating: 5 }));
  await expect(staff.getByRole('region', { name: t('company.request.rating') })).toContainText('Тез келді, рахмет!');
  const history = staff.getByRole('region', { name: t('company.request.history') });
  for (const action of ['created', 'taken', 'closed', 'rated']) await expect(history).toContainText(t(`company.history.${action}`));
  await screenshot(staff, test.info(), '07-request-closed-rated');

  // Back in the queue, the closed tab holds it; the new tab no longer does.
  await staff.goto(`/company/requests?q=${encodeURIComponent(`№${requestNumber}`)}`);
  await expect(staff.getByText(t('company.requests.empty'))).toBeVisible();
  await staff.getByRole('button', { name: t('company.requestStatus.CLOSED') }).click();
  await expect(staff.locator(`tr[data-request="${requestNumber}"]`)).toContainText(t('company.requestStatus.CLOSED'));
});

test('a pending account link shows what the resident typed and is confirmed', async ({ request }) => {
  // A neighbour of the spec's own claims 10116 by its address: the phone is not the account's, so the company decides.
  const token = await residentToken(request, NEIGHBOUR_PHONE);
  const claimed = await gql<{ accountLinkByAddress: { link: { status: string } | null; errors: unknown[] } }>(
    request,
    token,
    'mutation($input: AccountLinkByAddressInput!) { accountLinkByAddress(input: $input) { link { status } errors { code field } } }',
    { input: { accountNumber: '10116', address: 'Астана, Тұран даңғылы, 1', flat: '16' } },
  );
  expect(claimed.accountLinkByAddress.link?.status).toBe('PENDING');

  await staff.goto('/company/links');
  await expect(staff.getByRole('heading', { level: 1, name: t('company.links.title') })).toBeVisible();
  const card = staff.locator('li[data-link="10116"]').filter({ hasText: '+7 705 999 07 01' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Астана, Тұран даңғылы, 1');
  await expect(card).toContainText('Петров Игорь Николаевич');
  await screenshot(staff, test.info(), '08-links-pending');

  // A rejection needs its reason (asked, then left): confirm instead.
  await card.getByRole('button', { name: new RegExp(`^${t('company.links.reject')}`) }).click();
  await card.getByRole('button', { name: t('company.links.rejectSubmit') }).click();
  await expect(card.getByLabel(exactly(t('company.links.reason')))).toHaveAccessibleDescription(new RegExp(t('errors.REQUIRED')));
  await screenshot(staff, test.info(), '09-reject-needs-reason');
  await card.getByRole('button', { name: t('common.cancel') }).click();
  await card.getByRole('button', { name: new RegExp(`^${t('company.links.confirm')}`) }).click();
  await expect(staff.getByText(/^10116 шоты расталды/)).toBeVisible();
  await expect(card).toBeHidden();

  // The neighbour has the account now.
  const mine = await gql<{ myAccountLinks: { status: string; accountNumber: string }[] }>(request, token, '{ myAccountLinks { status accountNumber } }', {});
  expect(mine.myAccountLinks).toContainEqual({ status: 'CONFIRMED', accountNumber: '10116' });
  await staff.getByRole('button', { name: t('company.linkStatus.CONFIRMED') }).click();
  await expect(staff.locator('li[data-link="10116"]').filter({ hasText: '+7 705 999 07 01' })).toContainText(t('company.linkStatus.CONFIRMED'));
  await screenshot(staff, test.info(), '10-links-confirmed');
});

test('an outage notice reaches the residents of the building in-app at once', async ({ request }) => {
  test.setTimeout(180_000);
  await residentSignedIn(request);
  // The resident watches the notifications page.
  await resident.goto('/notifications');
  await expect(resident.getByText(t('notifications.liveOn'))).toBeVisible();

  await staff.goto('/company/outages');
  await expect(staff.getByRole('heading', { level: 1, name: t('company.outages.title') })).toBeVisible();
  const building = staff.getByLabel(exactly(t('company.outages.building')));
  const turan = (await building.locator('option', { hasText: 'Тұран' }).first().textContent()) ?? '';
  await building.selectOption({ label: turan });
  await staff.getByLabel(exactly(t('company.outages.kind'))).selectOption({ label: t('company.outageKinds.HOT_WATER') });
  const text = 'e2e-company: ыстық су құбырындағы апат, жөндеу жүріп жатыр.';
  await staff.getByLabel(exactly(t('company.outages.text'))).fill(text);
  await staff.getByLabel(exactly(t('company.outages.endsAt'))).fill(localAt(9, 18));
  await screenshot(staff, test.info(), '11-outage-form');
  await staff.getByRole('button', { name: t('company.outages.publish') }).click();
  await expect(staff.getByRole('status').filter({ hasText: /хабарлама жарияланды/ })).toBeVisible();
  const published = staff.locator('tbody tr').filter({ hasText: text });
  await expect(published).toBeVisible();
  await expect(published).toContainText(/Кабинетте: [1-9]\d*/);
  await screenshot(staff, test.info(), '12-outage-published');

  const item = resident.getByRole('list', { name: t('notifications.listLabel') }).getByRole('listitem').filter({ hasText: text });
  await expect(item).toBeVisible();
  await screenshot(resident, test.info(), '13-resident-outage-notification');
});

test('a meeting is drafted with its agenda and a document, opened, voted by the resident (results follow), and closed', async ({ request }) => {
  test.setTimeout(180_000);
  await residentSignedIn(request);
  await staff.goto('/company/meetings');
  await staff.getByRole('link', { name: t('company.meetings.create') }).click();
  await expect(staff.getByRole('heading', { level: 1, name: t('company.meetingForm.title') })).toBeVisible();

  // Nothing filled: every field says so at once.
  await staff.getByRole('button', { name: t('company.meetingForm.save') }).click();
  await expect(staff.getByLabel(exactly(t('company.meetingForm.titleField')))).toHaveAccessibleDescription(new RegExp(t('errors.REQUIRED')));
  await expect(staff.getByLabel(exactly(t('company.meetingForm.question', { n: 1 })))).toHaveAccessibleDescription(new RegExp(t('errors.REQUIRED')));

  const building = staff.getByLabel(exactly(t('company.meetingForm.building')));
  const turan = (await building.locator('option', { hasText: 'Тұран' }).first().textContent()) ?? '';
  await building.selectOption({ label: turan });
  const title = `e2e-company: лифтті жөндеу ${Date.now() % 100000}`;
  await staff.getByLabel(exactly(t('company.meetingForm.titleField'))).fill(title);
  await staff.getByLabel(exactly(t('company.meetingForm.description'))).fill('Екі лифтті ауыстыру және жөндеу қорынан қаржыландыру.');
  await staff.getByLabel(exactly(t('company.meetingForm.opensAt'))).fill(localAt(7, 9)); // before the server's clock: voting runs at once
  await staff.getByLabel(exactly(t('company.meetingForm.closesAt'))).fill(localAt(22, 18));
  // End before start: refused at its field.
  await staff.getByLabel(exactly(t('company.meetingForm.closesAt'))).fill(localAt(6, 18));
  await staff.getByLabel(exactly(t('company.meetingForm.question', { n: 1 }))).fill('Лифттерді ауыстыру сметасын бекіту');
  await staff.getByRole('button', { name: t('company.meetingForm.save') }).click();
  await expect(staff.getByLabel(exactly(t('company.meetingForm.closesAt')))).toHaveAccessibleDescription(new RegExp(t('errors.ENDS_BEFORE_START')));
  await staff.getByLabel(exactly(t('company.meetingForm.closesAt'))).fill(localAt(22, 18));
  await staff.getByRole('button', { name: t('company.meetingForm.addQuestion') }).click();
  await staff.getByLabel(exactly(t('company.meetingForm.question', { n: 2 }))).fill('Мердігер ретінде «Лифт-Сервис» ЖШС-ін таңдау');
  await staff.getByLabel(exactly(t('company.meetingForm.document'))).setInputFiles({ name: 'smeta.pdf', mimeType: 'application/pdf', buffer: estimatePdf() });
  await expect(staff.getByRole('list', { name: new RegExp(t('company.meetingForm.document')) })).toContainText('smeta.pdf');
  await screenshot(staff, test.info(), '14-meeting-form');
  await staff.getByRole('button', { name: t('company.meetingForm.save') }).click();

  // A draft: checked, then opened; the results by area start at zero and refresh while open.
  await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(staff.getByText(t('company.meeting.created'))).toBeVisible();
  await expect(staff.getByTestId('meeting-status')).toHaveText(t('company.meetingStatus.DRAFT'));
  // What was typed is Astana's time, shown back the same whatever the browser's zone.
  await expect(staff.getByRole('region', { name: t('company.meeting.about') })).toContainText('2026 ж. 22 желтоқсан, 18:00');
  await expect(staff.getByRole('region', { name: t('company.meeting.documents') })).toContainText('smeta.pdf');
  await screenshot(staff, test.info(), '15-meeting-draft');
  await staff.getByRole('button', { name: t('company.meeting.open') }).click();
  await expect(staff.getByTestId('meeting-status')).toHaveText(t('company.meetingStatus.OPEN'));
  await expect(staff.getByText(t('company.meeting.opened'))).toBeVisible();
  const results = staff.getByRole('region', { name: t('company.meeting.results') });
  await expect(results.locator('.co-result')).toHaveCount(2);
  await expect(results).toContainText(t('company.meeting.notDecidedSoFar'));
  await screenshot(staff, test.info(), '16-meeting-open');

  // The resident votes for both questions with flat 17 (61.4 m²); the staff's page reads the results again by itself.
  const meetingId = /\/company\/meetings\/([^/?#]+)/.exec(staff.url())?.[1] ?? '';
  await resident.goto(`/cabinet/${accountId}/meetings/${meetingId}`);
  const ballot = resident.locator('fieldset.cs-choices');
  await expect(ballot).toHaveCount(2);
  for (const i of [0, 1]) await ballot.nth(i).getByRole('radio', { name: t('cabinetServices.meetings.choices.FOR') }).check();
  await resident.getByRole('button', { name: t('cabinetServices.meetings.vote') }).click();
  await resident.getByRole('button', { name: t('cabinetServices.meetings.confirmSend') }).click();
  await expect(resident.getByText(t('cabinetServices.meetings.thanks'))).toBeVisible();
  await expect(results.locator('.co-result__numbers').first()).toContainText(/61[.,]4 м²/, { timeout: 25_000 });
  await screenshot(staff, test.info(), '16b-meeting-results-after-vote');

  // Closing early is asked once more; then the results are final.
  await staff.getByRole('button', { name: t('company.meeting.close') }).click();
  await expect(staff.getByText(t('company.meeting.closeConfirm'))).toBeVisible();
  await screenshot(staff, test.info(), '16c-meeting-close-confirm');
  await staff.getByRole('button', { name: t('company.meeting.closeYes') }).click();
  await expect(staff.getByTestId('meeting-status')).toHaveText(t('company.meetingStatus.CLOSED'));
  await expect(results).toContainText(t('company.meeting.notDecided'));

  await staff.getByRole('link', { name: `← ${t('company.meetings.back')}` }).click();
  await expect(staff.locator(`tr[data-meeting="${title}"]`)).toContainText(t('company.meetingStatus.CLOSED'));
  await screenshot(staff, test.info(), '17-meetings-list');

  // A closed meeting of the demo: its final results by area, question by question.
  await staff.locator('tbody tr').filter({ hasText: t('company.meetingStatus.CLOSED') }).first().getByRole('link').click();
  await expect(staff.getByTestId('meeting-status')).toHaveText(t('company.meetingStatus.CLOSED'));
  const final = staff.getByRole('region', { name: t('company.meeting.results') });
  await expect(final.locator('.co-result').first()).toBeVisible();
  await expect(final).toContainText(new RegExp(`${t('company.meeting.decided')}|${t('company.meeting.notDecided')}`));
  await expect(staff.getByRole('button', { name: t('company.meeting.close') })).toHaveCount(0);
  await screenshot(staff, test.info(), '18-meeting-closed-results');
});

test('a charge upload with bad lines shows its error report line by line', async ({ request }) => {
  // Lines the company's billing got wrong (an unknown account, a charge that is not a number): nothing of another spec changes.
  const csv = ['account_number,section,service,unit,volume,tariff,charged', '99999,HOUSING,Содержание жилья,м2,61.4,30.10,1848.14', '10117,UTILITIES,Холодная вода,м3,5,120.5,abc'].join('\n');
  const response = await request.post('/partner/billing/charges?period=2026-06', { headers: { 'X-Api-Key': DEMO_BILLING_KEY, 'Content-Type': 'text/csv' }, data: csv });
  expect(response.ok()).toBeTruthy();
  const body = (await response.json()) as { importId: string; linesFailed: number };
  expect(body.linesFailed).toBe(2);

  await staff.goto('/company/imports');
  const item = staff.locator(`li[data-import="${body.importId}"]`);
  await expect(item).toContainText(t('company.imports.withErrors'));
  await expect(item.getByRole('heading', { level: 2 })).toHaveText(t('company.imports.period', { period: 'маусым 2026' }));
  await item.getByRole('button', { name: t('company.imports.showErrors', { n: 2 }) }).click();
  const errors = item.getByRole('table');
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors).toContainText('99999');
  await expect(errors).toContainText('charged');
  await screenshot(staff, test.info(), '19-imports-errors');
});

test('the back office reads in Russian and on a phone', async () => {
  const ru = texts('ru');
  await staff.goto('/company/requests?status=ALL');
  await staff.getByRole('button', { name: 'Русский' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: ru('company.requests.title') })).toBeVisible();
  await expect(staff.getByRole('button', { name: ru('company.requests.allStatuses'), pressed: true })).toBeVisible();
  await screenshot(staff, test.info(), '20-requests-ru');

  // 390 px: the table's rows become cards, nothing scrolls sideways.
  await staff.setViewportSize({ width: 390, height: 844 });
  await expect(staff.locator('tbody tr').first()).toBeVisible();
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(staff, test.info(), '21-requests-ru-phone');
  await staff.goto('/company');
  for (const tile of ['fresh', 'inWork', 'links', 'meetings']) await expect(staff.locator(`[data-tile="${tile}"] .co-tile__n`)).toHaveText(/^\d+$/);
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(staff, test.info(), '22-dashboard-ru-phone');
  // The staff's language is their account's too (their SMS follow it): back to Kazakh.
  await staff.setViewportSize({ width: 1280, height: 860 });
  await staff.getByRole('button', { name: 'Қазақша' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: t('company.dashboard.title') })).toBeVisible();
});
