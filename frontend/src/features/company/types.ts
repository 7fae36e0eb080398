import type {
  CompanyChargeImportFieldsFragment,
  CompanyChargeImportQuery,
  CompanyLinkFieldsFragment,
  CompanyMeetingFieldsFragment,
  CompanyMeetingRowFieldsFragment,
  CompanyOutageFieldsFragment,
  CompanyRequestFieldsFragment,
  CompanyRequestRowFieldsFragment,
  CompanyRequestTypesQuery,
} from '../../gql/graphql';

// The back office's data: codegen's types of its operations (*.graphql), named for the pages.

export type ServiceRequestStatus = CompanyRequestRowFieldsFragment['status'];
export const REQUEST_STATUSES: readonly ServiceRequestStatus[] = ['NEW', 'IN_WORK', 'CLOSED', 'CANCELLED'];

export interface RequestFilterInput {
  status?: ServiceRequestStatus | null;
  typeId?: string | null;
  buildingId?: string | null;
  search?: string | null;
}

export type AccountLinkStatus = CompanyLinkFieldsFragment['status'];

export type MeetingStatus = CompanyMeetingRowFieldsFragment['status'];

export type RequestType = CompanyRequestTypesQuery['serviceRequestTypes'][number];
export interface BuildingRef {
  id: string;
  address: string;
}
export type RequestRow = CompanyRequestRowFieldsFragment;
export type RequestDetails = CompanyRequestFieldsFragment;
export type AccountLinkRow = CompanyLinkFieldsFragment;
export type OutageRow = CompanyOutageFieldsFragment;
export type ChargeImportRow = CompanyChargeImportFieldsFragment;
export type ChargeLineError = NonNullable<CompanyChargeImportQuery['chargeImport']>['errors'][number];
export type MeetingRow = CompanyMeetingRowFieldsFragment;
export type MeetingDetails = CompanyMeetingFieldsFragment;
export type MeetingResult = NonNullable<MeetingDetails['questions'][number]['result']>;

/** A page of a connection (first/after), whichever its node. */
export interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}
