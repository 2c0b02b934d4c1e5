import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SignInBody } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { authApi } from './auth-api.ts';
import { AuthFrame } from './auth-frame.tsx';

export function PasswordStep({ onNext }: { onNext: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ username: '', password: '' });
  const signIn = useMutation({ mutationFn: authApi.signIn, onSuccess: onNext });

  return (
    <AuthFrame title={t('auth.signIn.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.check(SignInBody, form.values, t);
          if (body) signIn.mutate(body);
        }}
      >
        <Stack>
          <TextInput
            label={t('auth.signIn.username')}
            name="username"
            autoComplete="username"
            value={form.values.username}
            onChange={(e) => form.set('username', e.currentTarget.value)}
            error={form.errors.username}
            autoFocus
          />
          <PasswordInput
            label={t('auth.signIn.password')}
            name="password"
            autoComplete="current-password"
            value={form.values.password}
            onChange={(e) => form.set('password', e.currentTarget.value)}
            error={form.errors.password}
          />
          <ProblemAlert error={signIn.error} />
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
