/** API error codes of the cabinet domains, each with a text under `errors.<CODE>` in cabinet.<kk|ru|en>.json. */
export const CABINET_ERROR_CODES = [
  // Personal accounts (A): linking by login/password or by address.
  'ACCOUNT_NOT_MATCHED',
  'ALREADY_LINKED',
  'LINK_PENDING',
  'INVALID_ADDRESS',
  'COMPANY_REQUIRED',
  // Payments (C): the order, and why the bank refused it (PaymentOrder.failureCode).
  'INVALID_AMOUNT',
  'AMOUNT_TOO_LARGE',
  'ACQUIRING_UNAVAILABLE',
  'ACQUIRER_UNAVAILABLE',
  'INSUFFICIENT_FUNDS',
  'THREE_DS_FAILED',
  'CARD_DECLINED',
  'DECLINED',
  'CANCELLED',
  'ORDER_EXPIRED',
  // The personal QR login of the mobile app (A).
  'TOKEN_INVALID',
] as const;
