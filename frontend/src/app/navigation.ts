import type { ComponentType, SVGProps } from 'react';
import { ApplicationIcon, BellIcon, ContractIcon, InboxIcon, KeyIcon, SealIcon, UserIcon, UsersIcon } from '../components/icons';
import { CalendarIcon } from '../features/admin/CalendarIcon';
import { ListIcon } from '../features/queuePublic/ListIcon';
import { HistoryIcon, HouseIcon } from '../features/queue/icons';
import type { Role } from '../gql/graphql';

export interface NavItem {
  to: string;
  labelKey: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Only viewers holding one of these roles see the item; none means every signed-in viewer. */
  roles?: readonly Role[];
}

// Seed 000's menu: Profile, then My contracts (equity holders: people and companies); seed 001's
// applications to KZhK for legal entities, KZhK's back office for its operators, and the public
// check of a signed document for everyone; the admin's accounts and partner API clients.
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/profile', labelKey: 'nav.profile', icon: UserIcon },
  { to: '/contracts', labelKey: 'nav.contracts', icon: ContractIcon, roles: ['CITIZEN', 'LEGAL_ENTITY'] },
  { to: '/applications', labelKey: 'nav.applications', icon: ApplicationIcon, roles: ['LEGAL_ENTITY'] },
  { to: '/queue', labelKey: 'queue.nav.queue', icon: HouseIcon, roles: ['CITIZEN'] },
  { to: '/queue/history', labelKey: 'queue.nav.history', icon: HistoryIcon, roles: ['CITIZEN'] },
  { to: '/cabinet', labelKey: 'nav.cabinet', icon: HouseIcon, roles: ['RESIDENT'] },
  { to: '/company', labelKey: 'nav.company', icon: InboxIcon, roles: ['UK_STAFF'] },
  { to: '/backoffice', labelKey: 'nav.backoffice', icon: InboxIcon, roles: ['KZHK_OPERATOR', 'ADMIN'] },
  { to: '/queue-office', labelKey: 'queueOffice.nav', icon: InboxIcon, roles: ['QUEUE_OFFICER', 'ADMIN'] },
  { to: '/admin/users', labelKey: 'nav.accounts', icon: UsersIcon, roles: ['ADMIN'] },
  { to: '/admin/api-clients', labelKey: 'nav.apiClients', icon: KeyIcon, roles: ['ADMIN'] },
  { to: '/admin/calendar', labelKey: 'calendar.nav', icon: CalendarIcon, roles: ['ADMIN'] },
  { to: '/notifications', labelKey: 'nav.notifications', icon: BellIcon },
  { to: '/verify', labelKey: 'nav.verify', icon: SealIcon },
  { to: '/queue/public', labelKey: 'queuePublic.nav', icon: ListIcon },
];

export function navItemsFor(roles: readonly Role[], items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}
