import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect } from '@playwright/test';
import { nextCode, outboxMark } from './outbox';

/** The demo staff of ТОО «Жайлы үй» (backend/demo_cabinet/accounts.py), signed in by password. */
export const COMPANY_STAFF_LOGIN = 'uk@demo.shanyraq.kz';
/** ТОО «Жайлы үй»'s billing key of the demo (README), for the partner API's charge upload. */
export const DEMO_BILLING_KEY = 'shq_zu1b1111_demo-billing-key-of-zhaily-uy-for-the-playground-only';

type Tree = { [key: string]: string | Tree };
const I18N = path.resolve(import.meta.dirname, '..', '..', 'frontend', 'src', 'lib', 'i18n');

/**
 * The interface's own texts in one language (the main file and lib/i18n/domains merged, as the
 * SPA merges them), so a spec finds a button by the words the page shows and follows a rewording.
 */
export function texts(locale: 'kk' | 'ru' | 'en'): (key: string, params?: Record<string, string | number>) => string {
  const read = (file: string) => JSON.parse(readFileSync(path.join(I18N, file), 'utf8')) as Tree;
  const domains = ['cabinet', 'cabinetServices', 'company'].map((d) => read(`domains/${d}.${locale}.json`));
  const main = read(`${locale}.json`);
  const errors = Object.assign({}, main.errors as Tree, ...domains.map((d) => (d.errors ?? {}) as Tree));
  const tree: Tree = Object.assign({}, main, ...domains, { errors });
  return (key, params = {}) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`No text ${key} in ${locale}`);
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

/** One GraphQL call as a signed-in person (or anonymous), its payload's errors expected empty. */
export async function gql<T>(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await request.post('/graphql', { data: { query, variables }, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  expect(response.ok()).toBeTruthy();
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data as T;
}

/** A resident of the spec's own (a fresh phone, so no other spec's codes count against it) signed in through the API. */
export async function residentToken(request: APIRequestContext, phone: string): Promise<string> {
  const seen = await outboxMark(request, phone);
  const sent = await gql<{ sessionPhoneCodeSend: { errors: unknown[] } }>(
    request,
    null,
    'mutation($input: PhoneCodeSendInput!) { sessionPhoneCodeSend(input: $input) { errors { code field } } }',
    { input: { phone, channel: 'SMS', acceptAgreement: true } },
  );
  expect(sent.sessionPhoneCodeSend.errors).toEqual([]);
  const { code } = await nextCode(request, phone, seen);
  const login = await gql<{ sessionPhoneLogin: { accessToken: string | null; errors: unknown[] } }>(
    request,
    null,
    'mutation($input: PhoneLoginInput!) { sessionPhoneLogin(input: $input) { accessToken errors { code field } } }',
    { input: { phone, code } },
  );
  expect(login.sessionPhoneLogin.errors).toEqual([]);
  return login.sessionPhoneLogin.accessToken as string;
}

/** A datetime-local value ("2026-12-09T18:00") some days after the e2e server's clock start (8 Dec 2026, 10:00 Almaty). */
export function localAt(day: number, hour: number): string {
  return `2026-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`;
}

/** A one-page PDF small enough to write here: a meeting's estimate. */
export function estimatePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 72 760 Td (Smeta: lift) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
