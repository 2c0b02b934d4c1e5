import type { Permission } from '@vigil/contracts';

export interface NavItem {
  to: '/' | '/users' | '/facilities' | '/audit' | '/prisoners' | '/reception' | '/imports' | '/statistics' | '/alert-types';
  labelKey: string;
  /** The ability the server must have granted for the item to appear. */
  ability: Permission;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', labelKey: 'nav.home', ability: 'dashboard.read' },
  { to: '/prisoners', labelKey: 'prisoners.nav', ability: 'prisoners.read' },
  { to: '/reception', labelKey: 'reception.nav', ability: 'reception.manage' },
  { to: '/imports', labelKey: 'imports.nav', ability: 'prisoners.import' },
  { to: '/statistics', labelKey: 'statistics.nav', ability: 'statistics.read' },
  { to: '/facilities', labelKey: 'nav.facilities', ability: 'facilities.read' },
  { to: '/alert-types', labelKey: 'alertTypes.nav', ability: 'alerts.configure' },
  { to: '/users', labelKey: 'nav.users', ability: 'users.read' },
  { to: '/audit', labelKey: 'nav.audit', ability: 'audit.read' },
];

export const visibleNavItems = (can: (ability: Permission) => boolean) => NAV_ITEMS.filter((item) => can(item.ability));
