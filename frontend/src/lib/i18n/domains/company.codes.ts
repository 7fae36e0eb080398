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
  // The partner API's own refusals (B's charges, A's accounts upsert): the company's developers meet
  // them in the API, not the SPA; their texts live here so that every documented code has one.
  'INVALID_PERIOD',
  'TOO_MANY_LINES',
  'LINE_TOO_LONG',
  'EMPTY_FILE',
  'INVALID_CSV',
  'INVALID_ENCODING',
  'UNKNOWN_COLUMN',
  'DUPLICATE_COLUMN',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_A_MANAGEMENT_COMPANY',
  'DUPLICATE',
  'INVALID_AREA',
  'BUILDING_NOT_FOUND',
  'LOGIN_TAKEN',
] as const;
