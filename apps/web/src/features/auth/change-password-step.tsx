import { PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody } from '@vigil/contracts';
import { useForm } from '../../ui/use-form.ts';
import { authApi } from './auth-api.ts';
import { AuthActions } from './auth-actions.tsx';
import { AuthFrame } from './auth-frame.tsx';

/** Forced after an administrator resets the password (the temporary one must not stay). */
export function ChangePasswordStep({ onNext, onCancel }: { onNext: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ currentPassword: '', newPassword: '', repeat: '' });
  const change = useMutation({ mutationFn: authApi.changePassword, onSuccess: onNext });

  return (
    <AuthFrame title={t('auth.password.title')}>
      <Text size="sm">{t('auth.password.help')}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const { repeat, ...rest } = form.values;
          const body = form.check(ChangePasswordBody, rest, t);
          if (!body) return;
          if (repeat !== rest.newPassword) return form.setErrors({ repeat: t('auth.password.mismatch') });
          change.mutate(body);
        }}
      >
        <Stack>
          <PasswordInput
            label={t('auth.password.current')}
            autoComplete="current-password"
            value={form.values.currentPassword}
            onChange={(e) => form.set('currentPassword', e.currentTarget.value)}
            error={form.errors.currentPassword}
          />
          <PasswordInput
            label={t('auth.password.new')}
            description={t('auth.password.rule')}
            autoComplete="new-password"
            value={form.values.newPassword}
            onChange={(e) => form.set('newPassword', e.currentTarget.value)}
            error={form.errors.newPassword}
          />
          <PasswordInput
            label={t('auth.password.repeat')}
            autoComplete="new-password"
            value={form.values.repeat}
            onChange={(e) => form.set('repeat', e.currentTarget.value)}
            error={form.errors.repeat}
          />
          <AuthActions error={change.error} pending={change.isPending} submitLabel={t('auth.password.submit')} onCancel={onCancel} />
        </Stack>
      </form>
    </AuthFrame>
  );
}
