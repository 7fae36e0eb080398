import { gql } from 'urql';
import { type PayloadError, USER_ERROR_FIELDS } from './common';

export interface ResidentPreferences {
  smsRequests: boolean;
  smsOutages: boolean;
  smsAvailable: boolean;
}

export type OutageKind = string;

export interface OutageNotice {
  id: string;
  kind: OutageKind;
  text: string;
  startsAt: string;
  endsAt: string | null;
  /** On now by the server's clock. */
  current: boolean;
}

export const PreferencesDocument = gql<{ myResidentPreferences: ResidentPreferences | null }, Record<string, never>>(`
  query CabinetResidentPreferences { myResidentPreferences { smsRequests smsOutages smsAvailable } }
`);

export const PreferencesUpdateDocument = gql<
  { residentPreferencesUpdate: { preferences: ResidentPreferences | null; errors: PayloadError[] } },
  { input: { smsRequests: boolean; smsOutages: boolean } }
>(`
  mutation CabinetResidentPreferencesUpdate($input: ResidentPreferencesInput!) {
    residentPreferencesUpdate(input: $input) { preferences { smsRequests smsOutages smsAvailable } ${USER_ERROR_FIELDS} }
  }
`);

export const AccountOutagesDocument = gql<{ accountOutages: OutageNotice[] }, { accountId: string }>(`
  query CabinetAccountOutages($accountId: ID!) { accountOutages(accountId: $accountId) { id kind text startsAt endsAt current } }
`);

export interface DeviceToken {
  token: string | null;
  qrSvg: string | null;
  expiresAt: string | null;
  errors: PayloadError[];
}

export const DeviceTokenCreateDocument = gql<{ deviceLoginTokenCreate: DeviceToken }, Record<string, never>>(`
  mutation CabinetDeviceLoginTokenCreate { deviceLoginTokenCreate { token qrSvg expiresAt ${USER_ERROR_FIELDS} } }
`);
