import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from './auth-api.ts';
import { AuthFrame } from './auth-frame.tsx';
import { OneTimeCodeForm } from './one-time-code-form.tsx';

/** The second factor: a code from the authenticator app, or one of the recovery codes. */
export function MfaStep({ onNext, onCancel }: { onNext: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: authApi.verifyMfa, onSuccess: onNext });

  return (
    <AuthFrame title={t('auth.mfa.title')}>
      <Text size="sm">{t('auth.mfa.help')}</Text>
      <OneTimeCodeForm
        testId="mfa-form"
        submitLabel={t('auth.mfa.submit')}
        autoFocus
        error={verify.error}
        pending={verify.isPending}
        onSubmit={(code) => verify.mutate(code)}
        onCancel={onCancel}
      />
    </AuthFrame>
  );
}
