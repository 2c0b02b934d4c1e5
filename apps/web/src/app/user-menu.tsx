import { ActionIcon, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setCsrfToken } from '../api/client.ts';
import { authApi } from '../features/auth/auth-api.ts';
import { notifyError } from '../ui/notify.ts';
import { SESSION_KEY, useSession } from './session.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();

  const leave = (action: () => Promise<unknown>) => async () => {
    try {
      await action();
    } catch (e) {
      return notifyError(e, t);
    }
    setCsrfToken(null);
    // Signed out: the session becomes null (the sign-in form shows) and nothing else stays cached.
    queryClient.setQueryData(SESSION_KEY, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('shell.account', { name: session.user.displayName })} data-testid="user-menu">
          <span aria-hidden="true">{initials(session.user.displayName)}</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {session.user.displayName}
          </Text>
          <Text size="xs" c="var(--mantine-color-text)">
            {session.user.username}
          </Text>
        </Menu.Label>
        <Menu.Item onClick={leave(authApi.signOut)} data-testid="sign-out">
          {t('shell.signOut')}
        </Menu.Item>
        <Menu.Item onClick={leave(authApi.signOutEverywhere)}>{t('shell.signOutEverywhere')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
