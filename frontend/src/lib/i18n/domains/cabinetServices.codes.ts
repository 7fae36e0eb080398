/** API error codes of the cabinetServices domains, each with a text under `errors.<CODE>` in cabinetServices.<kk|ru|en>.json. */
export const CABINET_SERVICES_ERROR_CODES = [] as const;
