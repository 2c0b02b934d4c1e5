import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../features/auth/auth-api.ts';
import { LanguageMenu } from '../ui/language-menu.tsx';
import { notifyError } from '../ui/notify.ts';
import { SESSION_KEY } from './session.tsx';

/** A signed-in user's language is also saved on their profile, so the server answers in it. */
export function SessionLanguageMenu() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <LanguageMenu
      onChosen={(language) =>
        authApi
          .savePreferences(language)
          .then(() => queryClient.invalidateQueries({ queryKey: SESSION_KEY }))
          .catch((e: unknown) => notifyError(e, t))
      }
    />
  );
}
