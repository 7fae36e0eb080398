import type { ComponentType, SVGProps } from 'react';
import { BellIcon, UserIcon } from '../components/icons';
import type { Role } from '../gql/graphql';

export interface NavItem {
  to: string;
  labelKey: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Only viewers holding one of these roles see the item; none means every signed-in viewer. */
  roles?: readonly Role[];
}

// "My contracts" (seed 000) joins this list when its screen is built, for CITIZEN and LEGAL_ENTITY.
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/profile', labelKey: 'nav.profile', icon: UserIcon },
  { to: '/notifications', labelKey: 'nav.notifications', icon: BellIcon },
];

export function navItemsFor(roles: readonly Role[], items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}
