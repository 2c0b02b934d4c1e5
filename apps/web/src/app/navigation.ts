import type { Permission } from '@vigil/contracts';

export interface NavItem {
  to: '/' | '/users' | '/facilities' | '/audit';
  labelKey: string;
  /** The ability the server must have granted for the item to appear. */
  ability: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', labelKey: 'nav.home', ability: 'dashboard.read' },
  { to: '/facilities', labelKey: 'nav.facilities', ability: 'facilities.read' },
  { to: '/users', labelKey: 'nav.users', ability: 'users.read' },
  { to: '/audit', labelKey: 'nav.audit', ability: 'audit.read' },
];

export const visibleNavItems = (can: (ability: Permission) => boolean) => NAV_ITEMS.filter((item) => can(item.ability));
