import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RaiseAlertBody, type Prisoner } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { alertKeys, alertName, alertsApi, useAlertTypes } from './alerts-api.ts';
import { PrisonerPicker } from './prisoner-picker.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** Raises an alert: a code (by its name in the user's language), the other prisoner where the code needs one, dates and a comment. */
export function RaiseAlertForm({ prisoner, onDone, onCancel }: { prisoner: Prisoner; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const types = useAlertTypes();
  const form = useForm({ code: '', relatedPrisonerId: null as string | null, startsOn: today(), endsOn: '', comment: '' });
  const v = form.values;
  const type = types.byCode.get(v.code);

  const raise = useMutation({
    mutationFn: async () => {
      const body = form.check(
        RaiseAlertBody,
        { code: v.code, relatedPrisonerId: type?.needsRelatedPrisoner ? v.relatedPrisonerId : undefined, startsOn: v.startsOn, endsOn: v.endsOn || null, comment: v.comment },
        t,
      );
      return body ? alertsApi.raise(prisoner.id, body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
      onDone();
    },
  });
  // Problems about a field are shown beside it; the rest above the buttons.
  const fieldProblem = (raise.error as { code?: string } | null)?.code;
  const errors: Record<string, string> = { ...serverFieldErrors(raise.error, t), ...form.errors };
  if (fieldProblem === 'alert-dates') errors.endsOn ??= t('alerts.form.endsBeforeStarts');
  const options = (types.data?.items ?? []).filter((a) => a.active).map((a) => ({ value: a.code, label: alertName(a, a.code, i18n.language) }));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        raise.mutate();
      }}
      data-testid="raise-alert-form"
    >
      <Stack>
        <Select
          label={t('alerts.form.code')}
          data={options}
          value={v.code || null}
          onChange={(code) => form.patch({ code: code ?? '', relatedPrisonerId: null })}
          error={errors.code}
          required
          searchable
          allowDeselect={false}
          data-testid="alert-code"
          data-autofocus
        />
        {type?.needsRelatedPrisoner && (
          <PrisonerPicker label={t('alerts.form.related')} value={v.relatedPrisonerId} onChange={(id) => form.set('relatedPrisonerId', id)} excludeId={prisoner.id} error={errors.relatedPrisonerId} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('alerts.form.startsOn')} name="startsOn" value={v.startsOn} onChange={(e) => form.set('startsOn', e.currentTarget.value)} error={errors.startsOn} required />
          <TextInput type="date" label={t('alerts.form.endsOn')} description={t('alerts.form.endsOnHelp')} name="endsOn" value={v.endsOn} onChange={(e) => form.set('endsOn', e.currentTarget.value)} error={errors.endsOn} />
        </SimpleGrid>
        <Textarea label={t('alerts.form.comment')} name="comment" value={v.comment} onChange={(e) => form.set('comment', e.currentTarget.value)} error={errors.comment} maxLength={1000} autosize minRows={2} />
        {fieldProblem !== 'alert-dates' && <ProblemAlert error={raise.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={raise.isPending} data-testid="raise-alert-save">
            {t('alerts.raise')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
