import { useState } from 'react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { authApi } from './auth-api.ts';
import { AuthFrame } from './auth-frame.tsx';

/** The second factor: a code from the authenticator app, or one of the recovery codes. */
export function MfaStep({ onNext, onCancel }: { onNext: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const verify = useMutation({ mutationFn: authApi.verifyMfa, onSuccess: onNext });

  return (
    <AuthFrame title={t('auth.mfa.title')}>
      <Text size="sm">{t('auth.mfa.help')}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) verify.mutate(code.trim());
        }}
        data-testid="mfa-form"
      >
        <Stack>
          <TextInput
            label={t('auth.mfa.code')}
            name="code"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            maxLength={20}
            autoFocus
          />
          <ProblemAlert error={verify.error} />
          <Button type="submit" loading={verify.isPending}>
            {t('auth.mfa.submit')}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('auth.cancel')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
