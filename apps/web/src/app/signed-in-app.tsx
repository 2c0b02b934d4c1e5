import { RouterProvider } from '@tanstack/react-router';
import type { SessionInfo } from '@vigil/contracts';
import { router } from './router.tsx';
import { SessionProvider } from './session.tsx';

/** Everything after sign-in: the shell, its navigation and the screens of every feature. */
export function SignedInApp({ session }: { session: SessionInfo }) {
  return (
    <SessionProvider session={session}>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
