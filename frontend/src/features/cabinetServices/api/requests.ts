import { gql } from 'urql';
import { type Connection, type PayloadError, USER_ERROR_FIELDS } from './common';

export type ServiceRequestStatus = 'NEW' | 'IN_WORK' | 'CLOSED' | 'CANCELLED';
export const REQUEST_STATUSES: readonly ServiceRequestStatus[] = ['NEW', 'IN_WORK', 'CLOSED', 'CANCELLED'];

export interface RequestType {
  id: string;
  code: string;
  name: string;
}

export interface RequestPhoto {
  id: string;
  title: string;
  contentType: string;
  size: number;
  url: string | null;
}

export interface RequestEvent {
  at: string;
  action: string;
  actorName: string;
  comment: string;
}

export interface RequestRow {
  id: string;
  number: number;
  createdAt: string;
  type: RequestType;
  content: string;
  status: ServiceRequestStatus;
  canEdit: boolean;
  canCancel: boolean;
  canRate: boolean;
}

export interface ServiceRequest extends RequestRow {
  visitDate: string | null;
  visitFrom: string | null;
  visitTo: string | null;
  photos: RequestPhoto[];
  authorName: string;
  takenByName: string | null;
  takenAt: string | null;
  closedAt: string | null;
  closeComment: string;
  rating: number | null;
  ratingNotDone: boolean;
  ratingComment: string;
  ratedAt: string | null;
  history: RequestEvent[];
}

const ROW = 'id number createdAt type { id code name } content status canEdit canCancel canRate';
const FULL = `${ROW} visitDate visitFrom visitTo photos { id title contentType size url } authorName takenByName takenAt closedAt closeComment rating ratingNotDone ratingComment ratedAt history { at action actorName comment }`;

export const RequestTypesDocument = gql<{ serviceRequestTypes: RequestType[] }, Record<string, never>>(`
  query CabinetServiceRequestTypes { serviceRequestTypes { id code name } }
`);

export const AccountRequestsDocument = gql<
  { accountServiceRequests: Connection<RequestRow> },
  { accountId: string; status?: ServiceRequestStatus | null; first?: number; after?: string | null }
>(`
  query CabinetAccountServiceRequests($accountId: ID!, $status: ServiceRequestStatus, $first: Int, $after: String) {
    accountServiceRequests(accountId: $accountId, status: $status, first: $first, after: $after) {
      edges { cursor node { ${ROW} } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`);

export const RequestDocument = gql<{ serviceRequest: ServiceRequest | null }, { id: string }>(`
  query CabinetServiceRequest($id: ID!) { serviceRequest(id: $id) { ${FULL} } }
`);

interface Payload {
  serviceRequest: ServiceRequest | null;
  errors: PayloadError[];
}

export interface RequestCreateInput {
  accountId: string;
  typeId: string;
  content: string;
  visitDate: string | null;
  visitFrom: string | null;
  visitTo: string | null;
  photoUploadIds: string[];
}

export const RequestCreateDocument = gql<{ serviceRequestCreate: Payload }, { input: RequestCreateInput }>(`
  mutation CabinetServiceRequestCreate($input: ServiceRequestCreateInput!) {
    serviceRequestCreate(input: $input) { serviceRequest { ${FULL} } ${USER_ERROR_FIELDS} }
  }
`);

export interface RequestUpdateInput {
  id: string;
  typeId: string;
  content: string;
  visitDate: string | null;
  visitFrom: string | null;
  visitTo: string | null;
  addPhotoUploadIds: string[];
  removePhotoIds: string[];
}

export const RequestUpdateDocument = gql<{ serviceRequestUpdate: Payload }, { input: RequestUpdateInput }>(`
  mutation CabinetServiceRequestUpdate($input: ServiceRequestUpdateInput!) {
    serviceRequestUpdate(input: $input) { serviceRequest { ${FULL} } ${USER_ERROR_FIELDS} }
  }
`);

export const RequestCancelDocument = gql<{ serviceRequestCancel: Payload }, { input: { id: string } }>(`
  mutation CabinetServiceRequestCancel($input: ServiceRequestRefInput!) {
    serviceRequestCancel(input: $input) { serviceRequest { ${FULL} } ${USER_ERROR_FIELDS} }
  }
`);

export const RequestRateDocument = gql<
  { serviceRequestRate: Payload },
  { input: { id: string; rating: number | null; notDone: boolean; comment: string } }
>(`
  mutation CabinetServiceRequestRate($input: ServiceRequestRateInput!) {
    serviceRequestRate(input: $input) { serviceRequest { ${FULL} } ${USER_ERROR_FIELDS} }
  }
`);

export const RequestUpdatedDocument = gql<{ serviceRequestUpdated: ServiceRequest }, { accountId: string }>(`
  subscription CabinetServiceRequestUpdated($accountId: ID) { serviceRequestUpdated(accountId: $accountId) { ${FULL} } }
`);
