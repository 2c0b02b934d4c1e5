import { useState } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from './app-modal.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/** Asks why before deactivating: records are deactivated with a reason, never deleted. */
export function ReasonDialog(props: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: unknown;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <AppModal opened={props.opened} onClose={props.onClose} title={props.title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return setMissing(true);
          props.onConfirm(reason.trim());
        }}
      >
        <Stack>
          <Textarea
            label={t('common.reason')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('fieldErrors.required') : undefined}
            maxLength={500}
            required
            autosize
            minRows={2}
            data-autofocus
          />
          <ProblemAlert error={props.error} onReload={props.onReload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={props.pending}>
              {t('common.deactivate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
