/**
 * The shapes the back office reads, as DESIGN.md's GraphQL contract names them. The pages get them
 * from the generated documents; the components and their logic take these, so they are typed and
 * tested on their own.
 */
export type QueueStatus = 'FILED' | 'IN_REVIEW' | 'HEARING' | 'REGISTERED' | 'REFUSED' | 'REMOVED';
export type QueueList = 'GENERAL' | 'VULNERABLE';
export type QueueRepresentation = 'SELF' | 'TRUSTEE' | 'LEGAL_REPRESENTATIVE';
export type QueueComplaintStatus = 'REGISTERED' | 'IN_REVIEW' | 'SATISFIED' | 'REJECTED' | 'FORWARDED';
export type QueueComplaintAddressee = 'PROVIDER' | 'QUALITY_AUTHORITY';

export interface QueueDeadline {
  kind: string;
  due: string;
  workingDaysLeft: number;
  overdue: boolean;
}

export interface QueueReason {
  code: string;
  explanation: string;
}

export interface QueueCheck {
  code: string;
  passed: boolean;
  applies: boolean;
  reason?: string | null;
  explanation: string;
}

export interface QueueFile {
  id: string;
  kind: string;
  title: string;
  size: number;
  contentType: string;
  url: string;
}

export interface QueueLocality {
  code: string;
  name: string;
  republican?: boolean;
}

export interface RegistryPerson {
  iin: string;
  fullName: string;
  birthDate?: string | null;
  document?: { kind: string; number: string; issuedOn?: string | null; issuer: string } | null;
  address?: { locality: QueueLocality; text: string; registeredFrom?: string | null; registeredTo?: string | null } | null;
  adult: boolean;
}

export interface QueueHearing {
  id: string;
  reasons: readonly QueueReason[];
  noticeDate: string;
  hearingDue: string;
  positionText: string;
  positionSubmittedAt?: string | null;
  files: readonly QueueFile[];
  outcome?: string | null;
  outcomeReasoning: string;
  heldAt?: string | null;
  workingDaysLeft: number;
}

export interface QueueComplaint {
  id: string;
  number: string;
  applicationId: string;
  applicationNumber: string;
  addressee: QueueComplaintAddressee;
  text: string;
  status: QueueComplaintStatus;
  registeredOn: string;
  deadlines: readonly QueueDeadline[];
  answer: string;
  answeredAt?: string | null;
  files: readonly QueueFile[];
}

/** A row of the officer's list. */
export interface OfficeRow {
  id: string;
  number: string;
  status: QueueStatus;
  filedAt: string;
  emergency: boolean;
  listKind: QueueList;
  person: Pick<RegistryPerson, 'iin' | 'fullName'>;
  locality: QueueLocality;
  deadlines: readonly QueueDeadline[];
}
