import { PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResetPasswordBody, type User } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { usersApi } from './users-api.ts';

/** A temporary password for the user, who must change it at their next sign-in. */
export function ResetPasswordDialog({ user, opened, onClose, onDone }: { user: User; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('users.resetPassword')}
      size="md"
      initial={{ temporaryPassword: '' }}
      schema={ResetPasswordBody}
      submit={(body) => usersApi.resetPassword(user.id, body.temporaryPassword)}
      onSaved={onDone}
      submitLabel={t('users.resetPassword')}
      testId="reset-password-form"
    >
      {(form) => (
        <>
          <Text size="sm">{t('users.resetPasswordHelp')}</Text>
          <PasswordInput label={t('users.fields.temporaryPassword')} autoComplete="new-password" {...form.text('temporaryPassword')} data-autofocus />
        </>
      )}
    </FormDialog>
  );
}
