import { useOutletContext } from 'react-router';
import type { CabinetAccountFieldsFragment, PaymentOrderStatus } from '../../gql/graphql';

/** A change of the account's money pushed by the server (accountMoneyUpdated): a payment, a new receipt. */
export interface MoneyEvent {
  debt: string;
  orderId: string | null;
  orderStatus: PaymentOrderStatus | null;
  receiptId: string | null;
  /** Counts the events, so that the same event twice still reaches the pages. */
  n: number;
}

/** What the cabinet's layout gives the pages of one account through its <Outlet/>. */
export interface CabinetContext {
  account: CabinetAccountFieldsFragment;
  /** The debt as the header shows it, kept live by the subscription. */
  debt: string;
  lastMoney: MoneyEvent | null;
}

export function useCabinet(): CabinetContext {
  return useOutletContext<CabinetContext>();
}

/** The path of a page of one account: "/cabinet/7/receipts". */
export function accountPath(accountId: string, page = ''): string {
  return page ? `/cabinet/${accountId}/${page}` : `/cabinet/${accountId}`;
}
