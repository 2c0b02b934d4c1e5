import { useState } from 'react';
import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuthActions } from './auth-actions.tsx';

/**
 * A form for one code from the authenticator app. `numeric` brings up a number pad on tablets;
 * leave it off where a recovery code (letters too) is also accepted.
 */
export function OneTimeCodeForm(props: {
  testId: string;
  submitLabel: string;
  numeric?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  error: unknown;
  pending: boolean;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) props.onSubmit(code.trim());
      }}
      data-testid={props.testId}
    >
      <Stack>
        <TextInput
          label={t('auth.mfa.code')}
          name="code"
          autoComplete="one-time-code"
          inputMode={props.numeric ? 'numeric' : undefined}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          maxLength={20}
          autoFocus={props.autoFocus}
        />
        <AuthActions error={props.error} pending={props.pending} submitLabel={props.submitLabel} disabled={props.disabled} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
