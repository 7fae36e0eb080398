/** API error codes of the company domains, each with a text under `errors.<CODE>` in company.<kk|ru|en>.json. */
// Only the back office meets these: an outage's or a meeting's end before its start (D, E), and a
// link another colleague already decided (A).
export const COMPANY_ERROR_CODES = ['ENDS_BEFORE_START', 'LINK_NOT_PENDING'] as const;
