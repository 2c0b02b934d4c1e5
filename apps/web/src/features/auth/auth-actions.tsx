import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert.tsx';

/** The foot of every sign-in step: the server's problem, the step's submit, and a way out. */
export function AuthActions(props: { error: unknown; pending: boolean; submitLabel: string; disabled?: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemAlert error={props.error} />
      <Button type="submit" loading={props.pending} disabled={props.disabled}>
        {props.submitLabel}
      </Button>
      <Button variant="subtle" onClick={props.onCancel}>
        {t('auth.cancel')}
      </Button>
    </>
  );
}
