import type { ReactNode } from 'react';
import { lazyRouteComponent } from '@tanstack/react-router';
import type { Permission } from '@vigil/contracts';
import { RequireAbility } from './require-ability.tsx';

/**
 * A route's component: the page `load` imports, shown only with the ability (otherwise the
 * no-access page). Each page is its own chunk, fetched the first time it is opened, so the first
 * load carries only the shell. The router fetches it before it shows the screen, and reloads the
 * app once if a new release has removed the chunk an open tab asks for.
 */
export function screen(ability: Permission, load: () => Promise<() => ReactNode>) {
  const Page = lazyRouteComponent(() => load().then((page) => ({ default: page })));
  const Screen = () => (
    <RequireAbility ability={ability}>
      <Page />
    </RequireAbility>
  );
  return Object.assign(Screen, { preload: Page.preload });
}
