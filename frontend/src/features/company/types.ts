// The back office's data as the contract (DESIGN.md) names it. Until the operations' fields are
// in schema.graphql these are written by hand; api.ts then types the operations with codegen's.

export interface UserError {
  field?: string | null;
  code: string;
  message?: string;
  params?: unknown;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}

export type ServiceRequestStatus = 'NEW' | 'IN_WORK' | 'CLOSED' | 'CANCELLED';
export const REQUEST_STATUSES: readonly ServiceRequestStatus[] = ['NEW', 'IN_WORK', 'CLOSED', 'CANCELLED'];

export interface RequestType {
  id: string;
  code: string;
  name: string;
}

export interface BuildingRef {
  id: string;
  address: string;
}

export interface RequestRow {
  id: string;
  number: number;
  createdAt: string;
  status: ServiceRequestStatus;
  content: string;
  type: RequestType;
  account: { id: string; number: string; address: string };
  authorName: string;
  authorPhone: string;
  visitDate?: string | null;
  visitFrom?: string | null;
  visitTo?: string | null;
  takenByName?: string | null;
  rating?: number | null;
  ratingNotDone: boolean;
}

export interface RequestPhoto {
  id: string;
  title: string;
  contentType: string;
  size: number;
  url?: string | null;
}

export interface RequestEvent {
  at: string;
  action: string;
  actorName: string;
  comment: string;
}

export interface RequestDetails extends Omit<RequestRow, 'account'> {
  account: { id: string; number: string; address: string; ownerName: string; phone: string; building: BuildingRef };
  photos: RequestPhoto[];
  takenAt?: string | null;
  closedAt?: string | null;
  closeComment: string;
  ratingComment: string;
  ratedAt?: string | null;
  history: RequestEvent[];
}

export interface RequestFilterInput {
  status?: ServiceRequestStatus | null;
  typeId?: string | null;
  buildingId?: string | null;
  search?: string | null;
}

export type AccountLinkStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED';

export interface AccountLinkRow {
  id: string;
  status: AccountLinkStatus;
  method: 'LOGIN' | 'ADDRESS';
  createdAt: string;
  decidedAt?: string | null;
  rejectReason: string;
  accountNumber: string;
  address: string;
  givenAddress: string;
  givenFlat: string;
  givenCompany: string;
  residentName: string;
  residentPhone: string;
  account?: { id: string; number: string; address: string; ownerName: string } | null;
}

export interface OutageRow {
  id: string;
  kind: string;
  text: string;
  startsAt: string;
  endsAt?: string | null;
  createdAt: string;
  notified: number;
  smsSent: number;
  building: BuildingRef;
}

export type MeetingStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

export interface MeetingRow {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  status: MeetingStatus;
  building: BuildingRef;
}

export interface MeetingResult {
  forArea: string;
  againstArea: string;
  abstainArea: string;
  votedArea: string;
  totalArea: string;
  forShare: string;
  decided: boolean;
}

export interface MeetingDetails extends MeetingRow {
  description: string;
  questions: { id: string; position: number; text: string; result?: MeetingResult | null }[];
  documents: { id: string; title: string; contentType: string; size: number; url?: string | null }[];
}

export interface ChargeImportRow {
  id: string;
  period: string;
  source: string;
  status: string;
  linesTotal: number;
  linesOk: number;
  linesFailed: number;
  receipts: number;
  createdAt: string;
  finishedAt?: string | null;
}

export interface ChargeLineError {
  line: number;
  accountNumber: string;
  field?: string | null;
  code: string;
  message: string;
}
