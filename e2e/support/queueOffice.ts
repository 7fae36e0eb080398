import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './auth';
import { nextCode, outboxMark } from './outbox';

/** The housing-queue officer of backend/demo.py (АҚ «Отбасы банк»); the demo CA's "queue-officer-sign" is theirs. */
export const QUEUE_OFFICER_LOGIN = 'officer@demo.shanyraq.kz';
export const ADMIN_LOGIN = 'admin@demo.shanyraq.kz';

/**
 * Demo personas of the office specs (README's table; the citizen specs use others, since a person
 * has one open application and the run shares one database).
 */
export const OFFICE_PERSONAS = {
  /** #16 Жүсіпов Серік Амангелдіұлы, Petropavl: privatized a state flat in 1998 → preliminary refusal, hearing. */
  privatized: { iin: '720309302125', name: 'Жүсіпов Серік Амангелдіұлы', email: 'queue16@demo.shanyraq.kz', phone: '+77015550116', reason: 'PRIVATIZED_STATE_HOUSING' },
  /** #11 Құдайбергенова Раушан Әлімқызы, Kyzylorda: her only house is declared in emergency condition → the officer reviews. */
  emergency: { iin: '680427401773', name: 'Құдайбергенова Раушан Әлімқызы', email: 'queue11@demo.shanyraq.kz', phone: '+77015550111' },
  /** #01 Сейітқали Нұрлан Болатұлы, Karaganda: never owned housing → registered, and published (he consents). */
  published: { iin: '920314301077', name: 'Сейітқали Нұрлан Болатұлы', email: 'queue01@demo.shanyraq.kz', phone: '+77015550101', masked: 'Н***н С.' },
} as const;

export type Persona = (typeof OFFICE_PERSONAS)[keyof typeof OFFICE_PERSONAS];

async function call<T>(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  expect(response.ok()).toBeTruthy();
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data as T;
}

/** An access token of the account, as the password form gets one. */
export async function apiSignIn(request: APIRequestContext, login: string): Promise<string> {
  const data = await call<{ sessionLogin: { accessToken: string | null; errors: unknown[] } }>(
    request,
    null,
    'mutation($input: SessionLoginInput!) { sessionLogin(input: $input) { accessToken errors { code field } } }',
    { input: { login, password: DEMO_PASSWORD } },
  );
  expect(data.sessionLogin.errors).toEqual([]);
  return data.sessionLogin.accessToken as string;
}

export interface Filed {
  id: string;
  number: string;
}

/**
 * The persona files for themselves through the API, as the citizen's form does (its own spec shows
 * the form): the exact data to sign, an SMS code to the mobile-base phone bound to its digest, then
 * the application with all four consents. The decision then runs at once (the e2e clock is inside
 * provider hours).
 */
export async function fileBySms(request: APIRequestContext, persona: Persona, conclusion?: { name: string; bytes: Buffer }): Promise<Filed> {
  const token = await apiSignIn(request, persona.email);
  const application = {
    requestId: `e2e-office-${persona.iin}-${Date.now()}`,
    representation: 'SELF',
    emergency: Boolean(conclusion),
    technicalConclusionUploadId: conclusion ? await tusUpload(request, token, conclusion.name, conclusion.bytes) : null,
    categories: [],
    consents: ['PROPERTY_CHECK', 'PERSONAL_DATA', 'PUBLICATION', 'NO_CATEGORY_ACK'],
    phone: persona.phone,
    email: persona.email,
  };
  const { queueSigningPayload } = await call<{ queueSigningPayload: { digest: string } }>(
    request,
    token,
    'query($input: QueueApplicationInput!) { queueSigningPayload(input: $input) { digest } }',
    { input: application },
  );
  const seen = await outboxMark(request, persona.phone);
  const sms = await call<{ queueSmsCodeRequest: { errors: unknown[] } }>(
    request,
    token,
    'mutation($input: QueueSmsCodeRequestInput!) { queueSmsCodeRequest(input: $input) { sentTo errors { code field } } }',
    { input: { phone: persona.phone, digest: queueSigningPayload.digest } },
  );
  expect(sms.queueSmsCodeRequest.errors).toEqual([]);
  const { code } = await nextCode(request, persona.phone, seen);
  const filed = await call<{ queueApplicationFile: { application: Filed | null; errors: unknown[] } }>(
    request,
    token,
    'mutation($input: QueueApplicationFileInput!) { queueApplicationFile(input: $input) { application { id number } errors { code field } } }',
    { input: { application, signature: { method: 'SMS', smsCode: code } } },
  );
  expect(filed.queueApplicationFile.errors).toEqual([]);
  return filed.queueApplicationFile.application as Filed;
}

/** The persona complains about the decision on their application (to the provider's head); the complaint's number. */
export async function fileComplaint(request: APIRequestContext, persona: Persona, applicationId: string, text: string): Promise<string> {
  const token = await apiSignIn(request, persona.email);
  const data = await call<{ queueComplaintFile: { complaint: { number: string } | null; errors: unknown[] } }>(
    request,
    token,
    'mutation($input: QueueComplaintFileInput!) { queueComplaintFile(input: $input) { complaint { number } errors { code field } } }',
    { input: { applicationId, addressee: 'PROVIDER', text, uploadIds: [], requestId: `e2e-complaint-${applicationId}` } },
  );
  expect(data.queueComplaintFile.errors).toEqual([]);
  return (data.queueComplaintFile.complaint as { number: string }).number;
}

/** A file sent as the SPA sends one (tus: create, then the bytes); its upload id. */
export async function tusUpload(request: APIRequestContext, token: string, name: string, bytes: Buffer): Promise<string> {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const created = await request.post('/uploads', {
    headers: {
      Authorization: `Bearer ${token}`,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': `filename ${b64(name)},filetype ${b64('application/pdf')}`,
    },
  });
  expect(created.status()).toBe(201);
  const location = created.headers().location;
  const sent = await request.patch(location, {
    headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    data: bytes,
  });
  expect(sent.status()).toBe(204);
  return location.split('/').pop() as string;
}

/** Waits until the application (read with the persona's token) has the status. */
export async function waitForStatus(request: APIRequestContext, persona: Persona, id: string, status: string): Promise<void> {
  const token = await apiSignIn(request, persona.email);
  await expect
    .poll(async () => {
      const data = await call<{ queueApplication: { status: string } | null }>(request, token, 'query($id: ID!) { queueApplication(id: $id) { status } }', { id });
      return data.queueApplication?.status;
    }, { timeout: 20_000 })
    .toBe(status);
}

/** Opens a page of the side menu (seed 000: hidden by default) in Kazakh, and waits for its heading. */
export async function openFromMenu(page: Page, link: string, heading: string = link): Promise<void> {
  await page.getByRole('button', { name: 'Мәзірді ашу' }).click();
  await page.getByRole('dialog', { name: 'Жеке кабинеттің мәзірі' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}
