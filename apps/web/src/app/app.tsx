import { useEffect, useRef } from 'react';
import { Center, Loader, MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client.ts';
import { SignInFlow } from '../features/auth/sign-in-flow.tsx';
import { authApi } from '../features/auth/auth-api.ts';
import { applyLanguage, takeSignInChoice } from '../i18n/index.ts';
import { notifyError } from '../ui/notify.ts';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { Toaster } from '../ui/toaster.tsx';
import { router } from './router.tsx';
import { SESSION_KEY, SessionProvider, useSessionQuery } from './session.tsx';

// Darker primary shades keep white-on-colour text above WCAG AA contrast in both themes.
const theme = createTheme({ primaryColor: 'blue', primaryShade: { light: 8, dark: 8 }, autoContrast: true });

// Mantine's default "dimmed" (field descriptions) and error reds are below 4.5:1 contrast; these
// shades pass WCAG AA on the light and the dark background.
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7]!, '--mantine-color-error': t.colors.red[9]! },
  dark: { '--mantine-color-dimmed': t.colors.dark[1]!, '--mantine-color-error': t.colors.red[4]! },
});

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
        applyLanguage(chosen);
        authApi
          .savePreferences(chosen)
          .then(() => queryClient.invalidateQueries({ queryKey: SESSION_KEY }))
          .catch((e: unknown) => notifyError(e, t));
      } else applyLanguage(user.language);
    }
    if (!user) languageAppliedFor.current = null;
  }, [user, t]);

  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (session.error)
    return (
      <Center h="100vh" p="md">
        <ProblemAlert error={session.error} />
      </Center>
    );
  if (!session.data || session.data.next !== 'done') return <SignInFlow session={session.data ?? null} />;
  return (
    <SessionProvider session={session.data}>
      <RouterProvider router={router} />
    </SessionProvider>
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
