import { Button, Center, Code, Image, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/query-state.tsx';
import { authApi } from './auth-api.ts';
import { AuthFrame } from './auth-frame.tsx';
import { OneTimeCodeForm } from './one-time-code-form.tsx';

/**
 * Setting up the authenticator at first sign-in: scan the QR code (or type the secret), confirm
 * with a code, then see the recovery codes exactly once.
 */
export function EnrolMfaStep({ onNext, onCancel }: { onNext: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  // A query, not an effect, so a re-render never starts a second enrolment with a new secret.
  const enrolment = useQuery({
    queryKey: ['mfa-enrolment'],
    queryFn: authApi.startEnrolment,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const confirm = useMutation({ mutationFn: authApi.confirmEnrolment });

  if (confirm.data) {
    return (
      <AuthFrame title={t('auth.enrol.recoveryTitle')}>
        <Text size="sm">{t('auth.enrol.recoveryHelp')}</Text>
        <List data-testid="recovery-codes" spacing={4}>
          {confirm.data.recoveryCodes.map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code>
            </List.Item>
          ))}
        </List>
        <Button onClick={onNext} data-testid="recovery-continue">
          {t('auth.enrol.recoveryDone')}
        </Button>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('auth.enrol.title')}>
      <Text size="sm">{t('auth.enrol.help')}</Text>
      <QueryState isPending={enrolment.isPending} error={enrolment.error} />
      {enrolment.data && (
        <Stack gap="xs">
          <Center>
            <Image src={enrolment.data.qrDataUrl} alt={t('auth.enrol.qrAlt')} w={200} h={200} />
          </Center>
          <Text size="sm">{t('auth.enrol.manual')}</Text>
          <Code block data-testid="mfa-secret" style={{ wordBreak: 'break-all' }}>
            {enrolment.data.secret}
          </Code>
        </Stack>
      )}
      <OneTimeCodeForm
        testId="enrol-form"
        submitLabel={t('auth.enrol.submit')}
        numeric
        disabled={!enrolment.data}
        error={confirm.error}
        pending={confirm.isPending}
        onSubmit={(code) => confirm.mutate(code)}
        onCancel={onCancel}
      />
    </AuthFrame>
  );
}
