import { Select, SimpleGrid, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RaiseAlertBody, type Prisoner } from '@vigil/contracts';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { alertKeys, alertName, alertsApi, useAlertTypes } from './alerts-api.ts';
import { PrisonerPicker } from './prisoner-picker.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** Raises an alert: a code (by its name in the user's language), the other prisoner where the code needs one, dates and a comment. */
export function RaiseAlertDialog({ prisoner, opened, onClose }: { prisoner: Prisoner; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const types = useAlertTypes();
  const options = (types.data?.items ?? []).filter((a) => a.active).map((a) => ({ value: a.code, label: alertName(a, a.code, i18n.language) }));
  const needsRelated = (code: string) => types.byCode.get(code)?.needsRelatedPrisoner ?? false;
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('alerts.raiseFor', { name: `${prisoner.familyName} ${prisoner.givenName}` })}
      initial={{ code: '', relatedPrisonerId: null as string | null, startsOn: today(), endsOn: '', comment: '' }}
      schema={RaiseAlertBody}
      toBody={(v) => ({ ...v, relatedPrisonerId: needsRelated(v.code) ? v.relatedPrisonerId : undefined, endsOn: v.endsOn || null })}
      submit={(body) => alertsApi.raise(prisoner.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: alertKeys.all });
        onClose();
      }}
      // Dates in the wrong order are said beside the end date, and only there.
      problemFields={{ 'alert-dates': { field: 'endsOn', message: t('alerts.form.endsBeforeStarts'), besideOnly: true } }}
      submitLabel={t('alerts.raise')}
      testId="raise-alert-form"
    >
      {(form) => (
        <>
          <Select
            label={t('alerts.form.code')}
            data={options}
            {...form.choice('code')}
            onChange={(code) => form.patch({ code: code ?? '', relatedPrisonerId: null })}
            value={form.values.code || null}
            required
            searchable
            allowDeselect={false}
            data-testid="alert-code"
            data-autofocus
          />
          {needsRelated(form.values.code) && (
            <PrisonerPicker
              label={t('alerts.form.related')}
              value={form.values.relatedPrisonerId}
              onChange={(id) => form.set('relatedPrisonerId', id)}
              excludeId={prisoner.id}
              error={form.errors.relatedPrisonerId}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('alerts.form.startsOn')} {...form.choice('startsOn')} />
            {/* Empty means "no end" (sent as null), which the binder cannot tell from the contract. */}
            <DateField label={t('alerts.form.endsOn')} description={t('alerts.form.endsOnHelp')} {...form.choice('endsOn')} required={false} />
          </SimpleGrid>
          <Textarea label={t('alerts.form.comment')} {...form.text('comment')} maxLength={1000} autosize minRows={2} />
        </>
      )}
    </FormDialog>
  );
}
