/**
 * The live checklist of the password form. The server's `passwordPolicy` is the authority;
 * these checks mirror its character-class rules so a person sees each one turn green as they
 * type. Rules only the server can judge (a common password, personal data) appear once the
 * server reports them.
 */

import { PASSWORD_RULE_CODES } from './ruleCodes';

export interface PasswordPolicyInput {
  minLength: number;
  maxLength: number;
  rules: readonly { code: string }[];
}

export type RuleState = 'met' | 'unmet' | 'failed';

export interface ChecklistItem {
  code: string;
  state: RuleState;
  /** Values for the localized label, e.g. the minimum length. */
  params: Record<string, number>;
}

export const DEFAULT_POLICY: PasswordPolicyInput = {
  minLength: 8,
  maxLength: 256,
  rules: PASSWORD_RULE_CODES.map((code) => ({ code })),
};

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const DIGIT = /\p{Nd}/u;
const SYMBOL = /[^\p{L}\p{N}]/u;

/** Length in characters as the server counts them (code points of the NFC form). */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

type LocalCheck = (password: string, confirmation: string, policy: PasswordPolicyInput) => boolean;

const LOCAL_CHECKS: Record<string, LocalCheck> = {
  PASSWORD_TOO_SHORT: (p, _c, policy) => passwordLength(p) >= policy.minLength,
  PASSWORD_TOO_LONG: (p, _c, policy) => passwordLength(p) <= policy.maxLength,
  PASSWORD_NO_LOWERCASE: (p) => LOWER.test(p),
  PASSWORD_NO_UPPERCASE: (p) => UPPER.test(p),
  PASSWORD_NO_DIGIT: (p) => DIGIT.test(p),
  PASSWORD_NO_SYMBOL: (p) => SYMBOL.test(p),
  PASSWORD_MISMATCH: (p, c) => p.length > 0 && p.normalize('NFC') === c.normalize('NFC'),
};

/** Rules that are noise while met (nobody types 256 characters), shown only when broken. */
const SHOWN_ONLY_WHEN_BROKEN = new Set(['PASSWORD_TOO_LONG']);

/**
 * The checklist for what is typed now. `serverFailures` are the codes the server returned for
 * the last submit; a server-only rule is listed while the password is still the one it judged.
 */
export function evaluatePassword(
  password: string,
  confirmation: string,
  policy: PasswordPolicyInput = DEFAULT_POLICY,
  serverFailures: readonly string[] = [],
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const { code } of policy.rules) {
    const check = LOCAL_CHECKS[code];
    const params: Record<string, number> =
      code === 'PASSWORD_TOO_SHORT' ? { n: policy.minLength } : code === 'PASSWORD_TOO_LONG' ? { n: policy.maxLength } : {};
    if (check) {
      const met = check(password, confirmation, policy);
      if (met && SHOWN_ONLY_WHEN_BROKEN.has(code)) continue;
      items.push({ code, state: met ? 'met' : 'unmet', params });
    } else if (serverFailures.includes(code)) {
      items.push({ code, state: 'failed', params });
    }
  }
  return items;
}

/** Whether every rule the browser can judge is met; the server still has the last word. */
export function passwordReady(items: readonly ChecklistItem[]): boolean {
  return items.every((item) => item.state === 'met');
}
