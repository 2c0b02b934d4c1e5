import { Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ABSENCE_KINDS, StartAbsenceBody, type AbsenceKind, type Prisoner } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { movementsApi } from './movements-api.ts';
import { useMovementRefresh } from './use-movement-refresh.ts';

const initial = { kind: 'court' as AbsenceKind, destination: '', reason: '', escort: '' };

/** Out to court, hospital or elsewhere: where, why and with whom. The out-time is the server's. */
export function AbsenceDialog({ prisoner, opened, onClose, onDone }: { prisoner: Prisoner; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useMovementRefresh(prisoner.id);
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('movements.absence.title', { name: `${prisoner.familyName} ${prisoner.givenName}` })}
      initial={initial}
      schema={StartAbsenceBody}
      submit={(body) => movementsApi.startAbsence(prisoner.id, body)}
      onSaved={() => {
        refresh();
        onDone();
      }}
      submitLabel={t('movements.absence.submit')}
      testId="absence-form"
    >
      {(form) => (
        <>
          <Select
            label={t('movements.absence.kind')}
            data={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`movements.kinds.${k}`) }))}
            {...form.choice('kind')}
            allowDeselect={false}
            data-testid="absence-kind"
          />
          <TextInput label={t('movements.absence.destination')} description={t('movements.absence.destinationHelp')} {...form.text('destination')} maxLength={200} data-autofocus />
          <Textarea label={t('common.reason')} {...form.text('reason')} maxLength={500} autosize minRows={2} />
          <TextInput label={t('movements.escort')} description={t('movements.escortHelp')} {...form.text('escort')} maxLength={200} />
        </>
      )}
    </FormDialog>
  );
}
