import { useState } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from './app-modal.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/**
 * Asks why before an irreversible step (deactivating, cancelling, ending): records are never
 * deleted, and the reason stays in their history.
 */
export function ReasonDialog(props: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: unknown;
  onReload?: () => void;
  /** What the reason is for, above the field, when the title alone does not say. */
  description?: string;
  /** The confirm button's label; "Deactivate" when not given. */
  confirmLabel?: string;
  /** Prefix of the form's and the confirm button's data-testid ("<testId>-form", "<testId>-save"). */
  testId?: string;
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
        data-testid={props.testId && `${props.testId}-form`}
      >
        <Stack>
          <Textarea
            label={t('common.reason')}
            description={props.description}
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
            <Button type="submit" color="red.9" loading={props.pending} data-testid={props.testId && `${props.testId}-save`}>
              {props.confirmLabel ?? t('common.deactivate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
