/** API error codes of the cabinetServices domains, each with a text under `errors.<CODE>` in cabinetServices.<kk|ru|en>.json. */
export const CABINET_SERVICES_ERROR_CODES = [
  // Service requests (D): a second rating; a score and "not done" together.
  'ALREADY_RATED',
  'RATING_CONFLICT',
  // Notification settings (D): nothing could be sent by SMS.
  'SMS_NOT_AVAILABLE',
  // Meter readings (E): params {from, to} / {last} / {max}.
  'WINDOW_CLOSED',
  'BELOW_LAST',
  'ABOVE_PLAUSIBLE',
  // Owners' meetings (E).
  'ALREADY_VOTED',
  'NOT_OPEN',
  'DUPLICATE_VOTE',
  // Checked in the page before sending (the server checks the same).
  'INVALID_TIME',
  'INVALID_TIME_WINDOW',
  'TIME_RANGE_INVALID', // the server's word for the same window
  'ACCOUNT_INACTIVE',
  'RATING_REQUIRED',
  'VOTE_INCOMPLETE',
] as const;
