import { gql } from 'urql';
import { type PayloadError, USER_ERROR_FIELDS } from './common';

export type MeetingStatus = 'DRAFT' | 'OPEN' | 'CLOSED';
export type VoteChoice = 'FOR' | 'AGAINST' | 'ABSTAIN';
export const VOTE_CHOICES: readonly VoteChoice[] = ['FOR', 'AGAINST', 'ABSTAIN'];

export interface MeetingResult {
  forArea: string;
  againstArea: string;
  abstainArea: string;
  votedArea: string;
  totalArea: string;
  forShare: string;
  decided: boolean;
}

export interface MeetingQuestion {
  id: string;
  position: number;
  text: string;
  myVote: VoteChoice | null;
  result: MeetingResult | null;
}

export interface MeetingDocument {
  id: string;
  title: string;
  contentType: string;
  size: number;
  url: string | null;
}

export interface MeetingRow {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  status: MeetingStatus;
  canVote: boolean;
}

export interface Meeting extends MeetingRow {
  description: string;
  building: { id: string; address: string };
  questions: MeetingQuestion[];
  documents: MeetingDocument[];
}

const ROW = 'id title opensAt closesAt status canVote';
const FULL = `${ROW} description building { id address } questions { id position text myVote result { forArea againstArea abstainArea votedArea totalArea forShare decided } } documents { id title contentType size url }`;

export const AccountMeetingsDocument = gql<{ accountMeetings: MeetingRow[] }, { accountId: string }>(`
  query CabinetAccountMeetings($accountId: ID!) { accountMeetings(accountId: $accountId) { ${ROW} } }
`);

export const MeetingDocumentQuery = gql<{ meeting: Meeting | null }, { id: string; accountId: string }>(`
  query CabinetMeeting($id: ID!, $accountId: ID) { meeting(id: $id, accountId: $accountId) { ${FULL} } }
`);

export const MeetingVoteDocument = gql<
  { meetingVote: { meeting: Meeting | null; errors: PayloadError[] } },
  { input: { meetingId: string; accountId: string; votes: { questionId: string; choice: VoteChoice }[] } }
>(`
  mutation CabinetMeetingVote($input: MeetingVoteInput!) { meetingVote(input: $input) { meeting { ${FULL} } ${USER_ERROR_FIELDS} } }
`);
