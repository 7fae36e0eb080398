/**
 * The codes of the password rules, in the order the checklist lists them. They are API error codes
 * too (`lib/errors`), and the default policy until the server's `passwordPolicy` has arrived.
 */
export const PASSWORD_RULE_CODES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_NO_LOWERCASE',
  'PASSWORD_NO_UPPERCASE',
  'PASSWORD_NO_DIGIT',
  'PASSWORD_NO_SYMBOL',
  'PASSWORD_COMMON',
  'PASSWORD_CONTAINS_PERSONAL_DATA',
  'PASSWORD_MISMATCH',
] as const;
