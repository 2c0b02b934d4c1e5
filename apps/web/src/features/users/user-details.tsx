import { useState } from 'react';
import { Alert, Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../ui/app-modal.tsx';
import type { User } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';
import { UserEditForm } from './user-form.tsx';
import { userKeys, usersApi } from './users-api.ts';

export function UserDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const user = useQuery({ queryKey: userKeys.one(id), queryFn: () => usersApi.get(id) });
  return (
    <>
      <QueryState isPending={user.isPending} error={user.error} />
      {user.data && (
        <Stack>
          <UserStatus user={user.data} />
          <UserEditForm key={user.data.version} user={user.data} onDone={onClose} />
          <UserActions user={user.data} />
        </Stack>
      )}
    </>
  );
}

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Badge color={user.active ? 'green.9' : 'gray.7'}>{user.active ? t('common.active') : t('common.inactive')}</Badge>
      <Badge color={user.mfaEnabled ? 'green.9' : 'gray.7'}>{user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}</Badge>
      {user.mustChangePassword && <Badge color="orange.9">{t('users.mustChangePassword')}</Badge>}
      {user.lockedUntil && new Date(user.lockedUntil) > new Date() && <Badge color="red.9">{t('users.locked')}</Badge>}
      {user.deactivationReason && <Text size="sm">{t('common.reasonWas', { reason: user.deactivationReason })}</Text>}
    </Group>
  );
}

/** Deactivate (never delete), reactivate, reset the password (forces a change) or the MFA. */
function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'deactivate' | 'password' | 'mfa' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: userKeys.all });
  const finished = (message: string) => () => {
    setDialog(null);
    setDone(message);
    void refresh();
  };

  const deactivate = useMutation({ mutationFn: (reason: string) => usersApi.deactivate(user.id, reason, user.version), onSuccess: finished(t('users.deactivated')) });
  const reactivate = useMutation({ mutationFn: () => usersApi.reactivate(user.id, user.version), onSuccess: finished(t('users.reactivated')) });
  const resetMfa = useMutation({ mutationFn: () => usersApi.resetMfa(user.id), onSuccess: finished(t('users.mfaReset')) });

  if (!can('users.manage')) return null;
  return (
    <Stack gap="xs">
      <Divider />
      {done && (
        <Alert color="green" variant="outline" role="status">
          {done}
        </Alert>
      )}
      <ProblemAlert error={reactivate.error ?? resetMfa.error} onReload={() => void refresh()} />
      <Group gap="xs">
        {user.active ? (
          <Button variant="outline" color="red" onClick={() => setDialog('deactivate')}>
            {t('common.deactivate')}
          </Button>
        ) : (
          <Button variant="outline" onClick={() => reactivate.mutate()} loading={reactivate.isPending}>
            {t('common.reactivate')}
          </Button>
        )}
        <Button variant="default" onClick={() => setDialog('password')}>
          {t('users.resetPassword')}
        </Button>
        <Button variant="default" onClick={() => setDialog('mfa')}>
          {t('users.resetMfa')}
        </Button>
      </Group>

      <ReasonDialog
        opened={dialog === 'deactivate'}
        title={t('users.deactivateTitle', { name: user.username })}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => deactivate.mutate(reason)}
        pending={deactivate.isPending}
        error={deactivate.error}
        onReload={() => {
          deactivate.reset();
          void refresh();
        }}
      />
      <ResetPasswordDialog user={user} opened={dialog === 'password'} onClose={() => setDialog(null)} onDone={finished(t('users.passwordReset'))} />
      <AppModal opened={dialog === 'mfa'} onClose={() => setDialog(null)} title={t('users.resetMfa')}>
        <Stack>
          <Text size="sm">{t('users.resetMfaHelp')}</Text>
          <ProblemAlert error={resetMfa.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => resetMfa.mutate()} loading={resetMfa.isPending}>
              {t('users.resetMfa')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
