import { type APIRequestContext, expect } from '@playwright/test';

export interface OutboxMessage {
  id: string;
  channel: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
}

/** Messages the dev outbox holds for one recipient, newest first. */
export async function outbox(request: APIRequestContext, to: string): Promise<OutboxMessage[]> {
  const response = await request.get(`/dev/outbox.json?to=${encodeURIComponent(to)}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as OutboxMessage[];
}

/** The ids already there, so that `nextCode` waits for a message sent after this point. */
export async function outboxMark(request: APIRequestContext, to: string): Promise<Set<string>> {
  return new Set((await outbox(request, to)).map((m) => m.id));
}

/**
 * The one-time code of the first message to `to` that is not in `seen`. An SMS holds the code
 * as digits ("… коды 123456."); a call's script spells them out ("1, 2, 3, 4").
 */
export async function nextCode(request: APIRequestContext, to: string, seen: Set<string>): Promise<{ code: string; message: OutboxMessage }> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(async () => {
      found = (await outbox(request, to)).find((m) => !seen.has(m.id));
      return Boolean(found);
    }, { timeout: 10_000 })
    .toBe(true);
  const message = found as OutboxMessage;
  const spelled = /(\d(?:,\s*\d){3,7})/.exec(message.body);
  const plain = /\b(\d{4,8})\b/.exec(message.body);
  const code = spelled ? spelled[1].replace(/\D/g, '') : plain?.[1];
  if (!code) throw new Error(`No code in the message: ${message.body}`);
  return { code, message };
}
