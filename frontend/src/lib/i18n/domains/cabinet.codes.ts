/** API error codes of the cabinet domains, each with a text under `errors.<CODE>` in cabinet.<kk|ru|en>.json. */
export const CABINET_ERROR_CODES = [] as const;
