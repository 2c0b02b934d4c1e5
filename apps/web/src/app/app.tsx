import { Suspense, useEffect, useRef } from 'react';
import { Center, Loader, MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazyRouteComponent } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client.ts';
import { authApi } from '../features/auth/auth-api.ts';
import { applyLanguage, takeSignInChoice } from '../i18n/index.ts';
import { notifyError } from '../ui/notify.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { Toaster } from '../ui/toaster.tsx';
import { SESSION_KEY, useSessionQuery } from './session.tsx';

// Darker primary shades keep white-on-colour text above WCAG AA contrast in both themes.
const theme = createTheme({ primaryColor: 'blue', primaryShade: { light: 8, dark: 8 }, autoContrast: true });

// Mantine's default "dimmed" (field descriptions) and error reds are below 4.5:1 contrast; these
// shades pass WCAG AA on the light and the dark background.
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7]!, '--mantine-color-error': t.colors.red[9]! },
  dark: { '--mantine-color-dimmed': t.colors.dark[1]!, '--mantine-color-error': t.colors.red[4]! },
});

// Signing in and the signed-in app are chunks of their own: the sign-in page does not download the
// router, the shell and the screens, and a signed-in reload does not download the sign-in steps.
// (lazyRouteComponent, unlike React.lazy, reloads once when a new release removed the chunk.)
const SignInFlow = lazyRouteComponent(() => import('../features/auth/sign-in-flow.tsx'), 'SignInFlow');
const SignedInApp = lazyRouteComponent(() => import('./signed-in-app.tsx'), 'SignedInApp');

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 anywhere means the session ended (idle or absolute expiry): go back to sign-in.
    onError: (error, query) => {
      if (error instanceof ApiProblem && error.status === 401 && query.queryKey[0] !== SESSION_KEY[0]) {
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      }
    },
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

function SessionGate() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const languageAppliedFor = useRef<string | null>(null);
  const user = session.data?.next === 'done' ? session.data.user : null;

  // At sign-in a language picked on the sign-in screens wins and is saved to the profile; without
  // one, the profile's language applies. Later switches are saved to the profile by the menu.
  useEffect(() => {
    if (user && languageAppliedFor.current !== user.id) {
      languageAppliedFor.current = user.id;
      const chosen = takeSignInChoice();
      if (chosen && chosen !== user.language) {
        void applyLanguage(chosen);
        authApi
          .savePreferences(chosen)
          .then(() => queryClient.invalidateQueries({ queryKey: SESSION_KEY }))
          .catch((e: unknown) => notifyError(e, t));
      } else void applyLanguage(user.language);
    }
    if (!user) languageAppliedFor.current = null;
  }, [user, t]);

  const loading = (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
  if (session.isPending) return loading;
  if (session.error)
    return (
      <Center h="100vh" p="md">
        <ProblemAlert error={session.error} />
      </Center>
    );
  return (
    <Suspense fallback={loading}>
      {session.data?.next === 'done' ? <SignedInApp session={session.data} /> : <SignInFlow session={session.data ?? null} />}
    </Suspense>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <SessionGate />
        <Toaster />
      </QueryClientProvider>
    </MantineProvider>
  );
}
