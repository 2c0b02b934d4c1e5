import type { Permission } from '@vigil/contracts';
import { WEB_FEATURES } from '../features/index.ts';
import type { NavItem } from './web-feature.ts';

/** Every feature's entries, in the registry's order. */
const NAV_ITEMS: readonly NavItem[] = WEB_FEATURES.flatMap((feature) => feature.nav);

export const visibleNavItems = (can: (ability: Permission) => boolean) => NAV_ITEMS.filter((item) => can(item.ability));
