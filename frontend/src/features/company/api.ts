import imports from './imports.graphql.draft?raw';
import links from './links.graphql.draft?raw';
import meetings from './meetings.graphql.draft?raw';
import outages from './outages.graphql.draft?raw';
import requests from './requests.graphql.draft?raw';
import { draftDocument } from './draft';
import type {
  AccountLinkRow,
  BuildingRef,
  ChargeImportRow,
  ChargeLineError,
  Connection,
  MeetingDetails,
  MeetingRow,
  OutageRow,
  RequestDetails,
  RequestFilterInput,
  RequestRow,
  RequestType,
  UserError,
} from './types';

// The back office's operations (the *.graphql.draft files beside this one), typed by types.ts.

type Payload<K extends string, T> = Record<K, { errors: UserError[] } & Partial<Record<'serviceRequest' | 'link' | 'outage' | 'meeting', T | null>>>;
type Paging = { first?: number | null; after?: string | null };
type Input<T> = { input: T };

export const CompanyServiceRequestsDocument = draftDocument<{ companyServiceRequests: Connection<RequestRow> }, Paging & { filter?: RequestFilterInput | null }>(requests, 'CompanyServiceRequests');
export const CompanyRequestCountsDocument = draftDocument<{ fresh: { totalCount: number }; inWork: { totalCount: number } }, Record<string, never>>(requests, 'CompanyRequestCounts');
export const CompanyServiceRequestDocument = draftDocument<{ serviceRequest: RequestDetails | null }, { id: string }>(requests, 'CompanyServiceRequest');
export const CompanyRequestTypesDocument = draftDocument<{ serviceRequestTypes: RequestType[] }, Record<string, never>>(requests, 'CompanyRequestTypes');
export const CompanyRequestTakeDocument = draftDocument<Payload<'serviceRequestTake', RequestDetails>, Input<{ id: string }>>(requests, 'CompanyRequestTake');
export const CompanyRequestCloseDocument = draftDocument<Payload<'serviceRequestClose', RequestDetails>, Input<{ id: string; comment: string }>>(requests, 'CompanyRequestClose');
export const CompanyServiceRequestUpdatedDocument = draftDocument<{ serviceRequestUpdated: RequestDetails }, Record<string, never>>(requests, 'CompanyServiceRequestUpdated');

export const CompanyAccountLinksDocument = draftDocument<{ companyAccountLinks: Connection<AccountLinkRow> }, Paging & { status?: string | null }>(links, 'CompanyAccountLinks');
export const CompanyPendingLinksCountDocument = draftDocument<{ companyAccountLinks: { totalCount: number } }, Record<string, never>>(links, 'CompanyPendingLinksCount');
export const CompanyAccountLinkDecideDocument = draftDocument<Payload<'accountLinkDecide', AccountLinkRow>, Input<{ linkId: string; approve: boolean; reason?: string | null }>>(links, 'CompanyAccountLinkDecide');

export const CompanyBuildingsDocument = draftDocument<{ companyBuildings: BuildingRef[] }, Record<string, never>>(outages, 'CompanyBuildings');
export const CompanyOutagesDocument = draftDocument<{ companyOutages: Connection<OutageRow> }, Paging>(outages, 'CompanyOutages');
export const CompanyOutagePublishDocument = draftDocument<
  Payload<'outageNoticePublish', OutageRow>,
  Input<{ buildingId: string; kind: string; text: string; startsAt: string; endsAt?: string | null }>
>(outages, 'CompanyOutagePublish');

export const CompanyMeetingsDocument = draftDocument<{ companyMeetings: Connection<MeetingRow> }, Paging>(meetings, 'CompanyMeetings');
export const CompanyMeetingDocument = draftDocument<{ meeting: MeetingDetails | null }, { id: string }>(meetings, 'CompanyMeeting');
export const CompanyMeetingCreateDocument = draftDocument<
  Payload<'meetingCreate', MeetingDetails>,
  Input<{ buildingId: string; title: string; description: string; opensAt: string; closesAt: string; questions: string[]; documentUploadIds: string[] }>
>(meetings, 'CompanyMeetingCreate');
export const CompanyMeetingOpenDocument = draftDocument<Payload<'meetingOpen', MeetingDetails>, Input<{ id: string }>>(meetings, 'CompanyMeetingOpen');
export const CompanyMeetingCloseDocument = draftDocument<Payload<'meetingClose', MeetingDetails>, Input<{ id: string }>>(meetings, 'CompanyMeetingClose');

export const CompanyChargeImportsDocument = draftDocument<{ chargeImports: Connection<ChargeImportRow> }, Paging>(imports, 'CompanyChargeImports');
export const CompanyChargeImportDocument = draftDocument<{ chargeImport: (ChargeImportRow & { errors: ChargeLineError[] }) | null }, { id: string }>(imports, 'CompanyChargeImport');
