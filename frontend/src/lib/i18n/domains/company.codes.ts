/** API error codes of the company domains, each with a text under `errors.<CODE>` in company.<kk|ru|en>.json. */
export const COMPANY_ERROR_CODES = [] as const;
