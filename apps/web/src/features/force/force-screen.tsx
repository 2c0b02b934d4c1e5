import type { ReactNode } from 'react';
import { lazyRouteComponent } from '@tanstack/react-router';
import { NoAccessPage } from '../../app/require-ability.tsx';
import { useCan } from '../../app/session.tsx';

/**
 * A report's page: for those who read use of force, and for the officer who wrote it (the server
 * shows a reporter without `force.read` their own reports only). `screen` takes one ability; this
 * one takes either.
 */
export function reportScreen(load: () => Promise<() => ReactNode>) {
  const Page = lazyRouteComponent(() => load().then((page) => ({ default: page })));
  const Screen = () => {
    const can = useCan();
    return can('force.read') || can('force.report') ? <Page /> : <NoAccessPage />;
  };
  return Object.assign(Screen, { preload: Page.preload });
}
