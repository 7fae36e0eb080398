import type { ComponentType, SVGProps } from 'react';
import { BellIcon, ContractIcon, UserIcon } from '../components/icons';
import type { Role } from '../gql/graphql';

export interface NavItem {
  to: string;
  labelKey: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Only viewers holding one of these roles see the item; none means every signed-in viewer. */
  roles?: readonly Role[];
}

// Seed 000's menu: Profile, then My contracts (equity holders: people and companies).
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/profile', labelKey: 'nav.profile', icon: UserIcon },
  { to: '/contracts', labelKey: 'nav.contracts', icon: ContractIcon, roles: ['CITIZEN', 'LEGAL_ENTITY'] },
  { to: '/notifications', labelKey: 'nav.notifications', icon: BellIcon },
];

export function navItemsFor(roles: readonly Role[], items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}
