import { expect, type Page, test } from '@playwright/test';
import { signInWithPassword } from '../support/auth';
import { nextCode, outboxMark } from '../support/outbox';
import { downloadPdfText, giveConsents, openFromQueueMenu, QUEUE_PERSONAS, queueStatus } from '../support/queue';
import { smallPdf } from '../support/applications';
import { screenshot } from '../support/screenshots';

const CONSENTS_RU = [
  /^Не возражаю против проверки наличия или отсутствия жилища/,
  /^Согласен\(на\) на сбор и обработку сведений/,
  /^Согласен\(на\) на публикацию данных на интернет-ресурсе АО «Отбасы банк»/,
  /^Уведомлен\(а\) и согласен\(на\) с постановкой на учёт/,
];

async function inRussian(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
}

/** Signs the open application form by SMS: the code is read from the dev outbox, as a phone would get it. */
async function signBySms(page: Page, phone: string): Promise<void> {
  const seen = await outboxMark(page.request, phone);
  await page.getByRole('button', { name: 'Отправить код' }).click();
  const { code } = await nextCode(page.request, phone, seen);
  await expect(page.getByText(/^Код отправлен в СМС на номер /)).toBeVisible();
  await page.getByLabel('Код подтверждения').fill(code);
  await page.getByRole('button', { name: 'Подписать и подать' }).click();
}

/**
 * SPEC §5 as a citizen lives it, in Russian: the conditions checked first (nothing filed), the
 * application auto-filled from the registries and signed by a one-time SMS code, the decision
 * arriving live in a tab left open, the certificate whose text holds the queue number, and the
 * service history.
 */
test('a citizen checks, applies auto-filled, signs by SMS and gets the queue number live with the certificate', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  const me = QUEUE_PERSONAS.eligible;
  let n = 0;
  const shot = (name: string) => screenshot(page, testInfo, `${String(++n).padStart(2, '0')}-${name}`);

  await signInWithPassword(page, me.iin);
  await inRussian(page);
  await openFromQueueMenu(page, 'ru', 'queue');
  await expect(page.getByText('У вас пока нет заявлений на учёт.', { exact: false })).toBeVisible();
  await shot('landing-empty');

  // Check before applying: every check with the server's explanation; nothing is filed.
  await page.getByRole('link', { name: 'Проверить условия' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Проверка перед подачей' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'За себя' })).toBeChecked();
  await page.getByRole('button', { name: 'Проверить', exact: true }).click();
  await expect(page.getByText('Условия выполнены: заявление можно подать.')).toBeVisible();
  const checks = page.getByRole('list', { name: 'Проверки' });
  await expect(checks.getByRole('listitem').first()).toBeVisible();
  await expect(checks.locator('.q-check--failed')).toHaveCount(0);
  await expect(page.getByText('Ничего не подано.')).toBeVisible();
  await shot('check-passed');

  // A second tab stays on the landing page: the application and its decision must arrive there by themselves.
  const watcher = await context.newPage();
  await watcher.goto('/queue');
  await expect(watcher.getByRole('heading', { level: 1, name: 'Очередь на жильё' })).toBeVisible();
  await expect(watcher.getByText('Изменения показываются сразу')).toBeVisible();

  // The application: personal data from the registries, shown and not typed.
  await page.getByRole('button', { name: 'Подать заявление с этими ответами' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Заявление о постановке на учёт' })).toBeVisible();
  const applicant = page.getByRole('definition').filter({ hasText: me.name });
  await expect(applicant).toBeVisible();
  await expect(page.locator(`[data-person="${me.iin}"]`)).toContainText(me.iin);
  await expect(page.getByRole('textbox', { name: 'Фамилия, имя, отчество' })).toHaveCount(0);
  await expect(page.getByText('Ваш телефон зарегистрирован в базе мобильных граждан.')).toBeVisible();
  await expect(page.getByLabel('Мобильный телефон')).toHaveValue(me.phone);

  // Without the consents nothing is sent, and each one says so.
  await page.getByRole('button', { name: 'Отправить код' }).click();
  await expect(page.getByText('Дайте это согласие: без него заявление не подать.')).toHaveCount(4);
  await expect(page.getByRole('checkbox', { name: CONSENTS_RU[0] })).toBeFocused();
  await giveConsents(page, CONSENTS_RU);
  // The SMS code goes only to a phone of the mobile citizens' base for this IIN.
  const phone = page.getByLabel('Мобильный телефон');
  await phone.fill('+7 707 000 00 00');
  await page.getByRole('button', { name: 'Отправить код' }).click();
  await expect(page.getByText('Этот телефон не зарегистрирован в базе мобильных граждан по вашему ИИН. Укажите зарегистрированный номер или подпишите ЭЦП.')).toBeVisible();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await phone.fill(me.phone);
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await shot('apply-filled');

  await signBySms(page, me.phone);
  const heading = page.getByRole('heading', { level: 1, name: /^Заявление Q-\d{4}-\d+$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).replace('Заявление ', '').trim();
  await expect(page.getByText(`Заявление ${number} подписано и подано.`)).toBeVisible();

  // The provider is open (the run's clock: a Tuesday, 10:00): the automatic decision comes at once.
  await expect(queueStatus(page)).toHaveText('Поставлен на учёт');
  const registered = page.getByTestId('queue-registered');
  await expect(registered).toHaveText(/^Дата постановки на учёт: .+\. Номер в очереди: \d+\.$/);
  const queueNumber = /Номер в очереди: (\d+)/.exec(await registered.innerText())?.[1] ?? '';
  expect(Number(queueNumber)).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Почему изменился мой номер' })).toContainText(`Ваш номер сейчас: ${queueNumber}`);
  await shot('registered');

  // The tab left open got the application and its decision without a reload.
  const row = watcher.locator(`[data-application="${number}"]`);
  await expect(queueStatus(row)).toHaveText('Поставлен на учёт');
  await expect(row).toContainText(`Номер в очереди: ${queueNumber}`);
  await screenshot(watcher, testInfo, `${String(++n).padStart(2, '0')}-landing-live`);
  await watcher.close();

  // The certificates in Kazakh and Russian: PDFs whose text holds the number and the queue number.
  const certificate = page.getByRole('region', { name: 'Справка' });
  const ru = await downloadPdfText(page, certificate.getByRole('link', { name: 'Скачать: Справка на русском (PDF)' }));
  expect(ru.text).toContain(number);
  expect(ru.text).toMatch(new RegExp(`\\b${queueNumber}\\b`));
  const kk = await downloadPdfText(page, certificate.getByRole('link', { name: 'Скачать: Справка на казахском (PDF)' }));
  expect(kk.text).toContain(number);
  expect(kk.text).toMatch(new RegExp(`\\b${queueNumber}\\b`));

  // A complaint about the decision to the provider's head: registered at once, its 5-working-day term counting down.
  const complaints = page.getByRole('region', { name: 'Жалобы' });
  await complaints.getByRole('button', { name: 'Подать жалобу на решение' }).click();
  await expect(complaints.getByRole('radio', { name: /^Руководителю услугодателя/ })).toBeChecked();
  await complaints.getByRole('textbox', { name: 'Жалоба' }).fill('Прошу проверить дату постановки на учёт: заявление подано в 10:00.');
  await complaints.getByRole('button', { name: 'Подать жалобу', exact: true }).click();
  await expect(page.getByText(/^Жалоба .+ зарегистрирована\.$/).first()).toBeVisible();
  const complaint = complaints.locator('[data-complaint]');
  await expect(complaint).toContainText('Зарегистрирована');
  await expect(complaint.locator('[data-deadline="complaint"]')).toContainText(/Осталось 5 рабочих дней|Осталось \d+ рабоч/);
  await shot('complaint');

  // Service history: the service, its status and result, with the downloads.
  await openFromQueueMenu(page, 'ru', 'history');
  const item = page.locator(`[data-service="${number}"]`);
  await expect(item).toBeVisible();
  await expect(item.getByRole('link', { name: /^Скачать: / }).first()).toBeVisible();
  await shot('service-history');
});

/**
 * The refusal path as the applicant sees it: a persona who owns a flat gets the preliminary decision
 * with its reason and the hearing's countdown, and sends a position with a file online.
 */
test('a preliminary refusal invites to a hearing, and the applicant sends a position with a document', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const me = QUEUE_PERSONAS.owner;
  let n = 0;
  const shot = (name: string) => screenshot(page, testInfo, `hearing-${String(++n).padStart(2, '0')}-${name}`);

  await signInWithPassword(page, me.iin);
  await inRussian(page);
  await page.goto('/queue/apply');
  await expect(page.getByRole('heading', { level: 1, name: 'Заявление о постановке на учёт' })).toBeVisible();
  await expect(page.locator(`[data-person="${me.iin}"]`)).toContainText(me.name);
  await giveConsents(page, CONSENTS_RU);
  await signBySms(page, me.phone);

  await expect(queueStatus(page)).toHaveText('Предварительное решение: заслушивание');
  const hearing = page.getByRole('region', { name: 'Предварительное решение и заслушивание' });
  await expect(hearing.locator('[data-reason="OWNED_HOUSING_5Y"]')).toBeVisible();
  await expect(hearing.getByText(/^(Остал(ся|ось) \d+ рабоч(ий день|их дня|их дней)|Сегодня последний рабочий день)$/).first()).toBeVisible();
  await shot('hearing');

  await hearing.getByLabel('Моя позиция').fill('Квартира продана по договору от 2026-11-20, регистрация перехода права в процессе. Прилагаю договор.');
  await hearing.getByLabel('Документы к позиции').setInputFiles(await smallPdf('sale-contract.pdf', 'Договор купли-продажи'));
  await expect(hearing.getByRole('list', { name: 'Добавленные файлы: Документы к позиции' })).toContainText('sale-contract.pdf');
  await hearing.getByRole('button', { name: 'Отправить позицию' }).click();
  await expect(hearing.getByText(/^Ваша позиция отправлена .+\.$/)).toBeVisible();
  await expect(hearing.getByRole('button', { name: 'Отправить позицию' })).toHaveCount(0);
  await shot('position-sent');
});

/**
 * The emergency-housing path: the expert's technical conclusion is required and sent by tus with the
 * form; the application goes to a queue officer, whose 3-working-day term counts down on its page.
 */
test('on the emergency path the technical conclusion is required, uploaded, and the officer’s term counts down', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const me = QUEUE_PERSONAS.emergency;
  await signInWithPassword(page, me.iin);
  await inRussian(page);
  await page.goto('/queue/apply');
  await expect(page.locator(`[data-person="${me.iin}"]`)).toContainText(me.name);
  await page.getByRole('radio', { name: 'Да: моё единственное жильё официально признано аварийным' }).check();
  await expect(page.getByText('Тогда нужно приложить техническое заключение эксперта', { exact: false })).toBeVisible();
  await giveConsents(page, CONSENTS_RU);

  await page.getByRole('button', { name: 'Отправить код' }).click();
  await expect(page.getByText('Приложите техническое заключение эксперта об аварийном состоянии.')).toBeVisible();
  await page.getByLabel('Техническое заключение эксперта').setInputFiles(await smallPdf('technical-conclusion.pdf', 'Техническое заключение'));
  await expect(page.getByRole('list', { name: 'Добавленные файлы: Техническое заключение эксперта' })).toContainText('technical-conclusion.pdf');
  await expect(page.getByText('Приложите техническое заключение эксперта об аварийном состоянии.')).toHaveCount(0);
  await screenshot(page, testInfo, 'emergency-01-conclusion');

  await signBySms(page, me.phone);
  await expect(queueStatus(page)).toHaveText('На рассмотрении у специалиста');
  const deadlines = page.getByRole('region', { name: 'Сроки' });
  // Filed on Tuesday 8 December (the run's clock): the officer's 3 working days are the 8th, 9th and 10th.
  const decision = deadlines.locator('[data-deadline="decision"]');
  await expect(decision).toContainText('до 10 декабря 2026 г.');
  await expect(decision).toContainText('Осталось 2 рабочих дня');
  await expect(page.getByRole('region', { name: 'Документы' })).toContainText('Техническое заключение');
  await screenshot(page, testInfo, 'emergency-02-in-review');
});
