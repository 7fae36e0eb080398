import { gql } from 'urql';

// Until schema.graphql carries the queue (DESIGN.md's contract), the documents are written here with
// their types; they move to queuePublic.graphql and the generated types once codegen knows them.

export type QueueList = 'GENERAL' | 'VULNERABLE';
export interface Locality {
  code: string;
  name: string;
  republican: boolean;
}
export interface PublicEntry {
  number: number;
  maskedName: string;
  applicationNumber: string;
  registeredAt: string;
}
export interface PublicPage {
  edges: { cursor: string; node: PublicEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export const QueuePublicLocalitiesDocument = gql<{ queueLocalities: Locality[] }, Record<string, never>>`
  query QueuePublicLocalities {
    queueLocalities {
      code
      name
      republican
    }
  }
`;

export const QueuePublicListDocument = gql<
  { queuePublicList: PublicPage },
  { locality: string; listKind: QueueList; search: string | null; first: number; after: string | null }
>`
  query QueuePublicList($locality: String!, $listKind: QueueList!, $search: String, $first: Int, $after: String) {
    queuePublicList(locality: $locality, listKind: $listKind, search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          number
          maskedName
          applicationNumber
          registeredAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
