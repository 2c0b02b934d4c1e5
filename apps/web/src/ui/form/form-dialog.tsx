import type { Key } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AppModal } from '../app-modal.tsx';
import { ContractForm, type ContractFormProps } from './contract-form.tsx';

/**
 * A ContractForm in a modal. The form is made afresh each time the dialog opens and whenever
 * `formKey` changes (give the record's version: after "reload" the form shows the newer record).
 * Cancel closes it; a read-only dialog (nothing the reader may send) has a Close button instead.
 */
export function FormDialog<V extends Record<string, unknown>, S extends z.ZodType, R>({
  opened,
  onClose,
  title,
  size = 'lg',
  formKey,
  ...form
}: Omit<ContractFormProps<V, S, R>, 'onCancel'> & { opened: boolean; onClose: () => void; title: string; size?: string; formKey?: Key }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={size}>
      {opened && <ContractForm key={formKey} onCancel={onClose} {...form} />}
      {opened && form.readOnly && (
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      )}
    </AppModal>
  );
}
