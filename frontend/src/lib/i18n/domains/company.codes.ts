/** API error codes of the company domains, each with a text under `errors.<CODE>` in company.<kk|ru|en>.json. */
// Only the back office meets these: an outage's or a meeting's end before its start (D, E), a link
// a colleague already decided (A), and the codes of a charge import's line errors (B), which the
// company's billing system gets from the partner API and the staff read on the imports page.
export const COMPANY_ERROR_CODES = [
  'ENDS_BEFORE_START',
  'LINK_NOT_PENDING',
  'TOTAL_MISMATCH',
  'INVALID_DECIMAL',
  'TOO_MANY_DECIMALS',
  'NEGATIVE',
  'TOO_LARGE',
  'VALUE_CONFLICT',
  'ACCOUNT_NOT_CONSECUTIVE',
] as const;
