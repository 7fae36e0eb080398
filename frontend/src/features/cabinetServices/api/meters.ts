import { gql } from 'urql';
import { type PayloadError, USER_ERROR_FIELDS } from './common';

export type MeterKind = 'COLD_WATER' | 'HOT_WATER' | 'ELECTRICITY' | 'GAS' | 'HEAT';

export interface MeterReading {
  id: string;
  value: string;
  submittedAt: string;
  source: string;
}

export interface Meter {
  id: string;
  kind: MeterKind;
  serial: string;
  unit: string;
  lastReading: MeterReading | null;
  readings: MeterReading[];
  windowFromDay: number;
  windowToDay: number;
  windowOpen: boolean;
  maxMonthly: string;
  nextVerification: string | null;
}

const METER = 'id kind serial unit lastReading { id value submittedAt source } readings(first: 12) { id value submittedAt source } windowFromDay windowToDay windowOpen maxMonthly nextVerification';

export const AccountMetersDocument = gql<{ accountMeters: Meter[] }, { accountId: string }>(`
  query CabinetAccountMeters($accountId: ID!) { accountMeters(accountId: $accountId) { ${METER} } }
`);

export const ReadingSubmitDocument = gql<
  { meterReadingSubmit: { reading: MeterReading | null; meter: Meter | null; errors: PayloadError[] } },
  { input: { meterId: string; value: string } }
>(`
  mutation CabinetMeterReadingSubmit($input: MeterReadingSubmitInput!) {
    meterReadingSubmit(input: $input) { reading { id value submittedAt source } meter { ${METER} } ${USER_ERROR_FIELDS} }
  }
`);
