import { expect, test } from '@playwright/test';
import { nextCode, outboxMark } from '../support/outbox';
import { screenshot } from '../support/screenshots';

// An unregistered holder from the demo registry (backend/demo.py); nobody else uses it in the suite.
const HOLDER = {
  iin: '850614301092',
  name: 'Ерболов Данияр Асқарұлы',
  contractNumber: 'Н-5-12/08-АФ',
  contractDate: '2024-03-15',
  email: 'daniyar.yerbolov@example.kz',
  phone: '+77051110001',
  password: 'Shanyraq-Qala-2026!',
};

test('an equity holder registers through the wizard, then signs in by IIN and by email', async ({ page, request }, testInfo) => {
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1, name: 'Тіркеу' })).toBeVisible();
  await screenshot(page, testInfo, '01-details-empty');

  // Sending the empty form shows what is missing, next to each field.
  await page.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(page.getByLabel('ЖСН немесе БСН')).toHaveAccessibleDescription(/Бұл өрісті толтырыңыз/);
  await expect(page.getByLabel('ҮҚШ күні')).toHaveAccessibleDescription(/Бұл өрісті толтырыңыз/);
  await screenshot(page, testInfo, '02-details-required');

  // A contract that does not match is refused by the server; what was typed stays.
  await page.getByLabel('ЖСН немесе БСН').fill(HOLDER.iin);
  await page.getByLabel('Электрондық пошта').fill(HOLDER.email);
  await page.getByLabel('ҮҚШ нөмірі').fill('Н-0-00/00-XX');
  await page.getByLabel('ҮҚШ күні').fill(HOLDER.contractDate);
  await page.getByLabel('Телефон нөмірі').fill(HOLDER.phone);
  await page.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(page.getByLabel('ҮҚШ нөмірі')).toHaveAccessibleDescription(/шарт табылмады/);
  await expect(page.getByLabel('ЖСН немесе БСН')).toHaveValue(HOLDER.iin);
  await screenshot(page, testInfo, '03-details-contract-not-found');

  const seen = await outboxMark(request, HOLDER.phone);
  await page.getByLabel('ҮҚШ нөмірі').fill(HOLDER.contractNumber);
  await page.getByRole('button', { name: 'Жалғастыру' }).click();

  // Step 2: the SMS code.
  await expect(page.getByRole('heading', { level: 2, name: 'СМС-код' })).toBeVisible();
  const { code } = await nextCode(request, HOLDER.phone, seen);
  await page.getByLabel('Растау коды').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Жалғастыру' }).click();
  await expect(page.getByLabel('Растау коды')).toHaveAccessibleDescription(/Код қате\. Қалған әрекеттер: 4/);
  await screenshot(page, testInfo, '04-code-wrong');
  await page.getByLabel('Растау коды').fill(code);
  await page.getByRole('button', { name: 'Жалғастыру' }).click();

  // Step 3: the password, with the rules turning green while typing.
  await expect(page.getByRole('heading', { level: 2, name: 'Құпия сөз' })).toBeVisible();
  const password = page.getByLabel('Құпия сөз', { exact: true });
  const repeat = page.getByLabel('Құпия сөзді қайталаңыз');
  await password.fill('qalaA');
  const rules = page.getByRole('list').filter({ hasText: 'Кем дегенде 1 кіші әріп' });
  await expect(rules.getByRole('listitem').filter({ hasText: 'Кем дегенде 1 кіші әріп' })).toContainText('орындалды');
  await expect(rules.getByRole('listitem').filter({ hasText: 'Кем дегенде 1 сан' })).toContainText('әлі орындалмады');
  await screenshot(page, testInfo, '05-password-typing');

  // A password that passes every visible rule but is common: the server's rule joins the list.
  await password.fill('Password123!');
  await repeat.fill('Password123!');
  await page.getByRole('button', { name: 'Тіркеуді аяқтау' }).click();
  await expect(page.getByRole('alert')).toContainText('Құпия сөз талаптарға сай емес');
  await expect(rules.getByRole('listitem').filter({ hasText: 'Кең таралған құпия сөз болмауы керек' })).toContainText('сервер қабылдамады');
  await screenshot(page, testInfo, '06-password-common');

  await password.fill(HOLDER.password);
  await repeat.fill(HOLDER.password);
  for (const item of await rules.getByRole('listitem').all()) await expect(item).toContainText('орындалды');
  await screenshot(page, testInfo, '07-password-ready');
  await page.getByRole('button', { name: 'Тіркеуді аяқтау' }).click();

  // Signed in, on the Profile (seed 000): name, IIN, email, phone.
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  const personal = page.getByRole('region', { name: 'Жеке деректер' });
  await expect(personal).toContainText(HOLDER.name);
  await expect(personal).toContainText(HOLDER.iin);
  await expect(personal).toContainText(HOLDER.email);
  await expect(personal).toContainText('+7 705 111 00 01');
  await screenshot(page, testInfo, '08-profile');

  await page.getByRole('button', { name: 'Шығу', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);

  // Sign in by IIN; Enter submits (seed 000).
  await page.getByLabel('ЖСН/БСН немесе электрондық пошта').fill(HOLDER.iin);
  await page.getByLabel('Құпия сөз', { exact: true }).fill(HOLDER.password);
  await page.getByLabel('Құпия сөз', { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Жеке деректер' })).toContainText(HOLDER.name);
  await page.getByRole('button', { name: 'Шығу', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);

  // And by email.
  await page.getByLabel('ЖСН/БСН немесе электрондық пошта').fill(HOLDER.email);
  await page.getByLabel('Құпия сөз', { exact: true }).fill(HOLDER.password);
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Профиль' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Жеке деректер' })).toContainText(HOLDER.email);
  await screenshot(page, testInfo, '09-signed-in-by-email');
});
