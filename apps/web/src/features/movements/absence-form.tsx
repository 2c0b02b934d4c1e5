import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ABSENCE_KINDS, StartAbsenceBody, type AbsenceKind, type Prisoner } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { movementsApi } from './movements-api.ts';
import { useMovementRefresh } from './use-movement-refresh.ts';

/** Out to court, hospital or elsewhere: where, why and with whom. The out-time is the server's. */
export function AbsenceForm({ prisoner, onDone, onCancel }: { prisoner: Prisoner; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const refresh = useMovementRefresh(prisoner.id);
  const form = useForm({ kind: 'court' as AbsenceKind, destination: '', reason: '', escort: '' });
  const v = form.values;
  const save = useMutation({
    mutationFn: async () => {
      const body = form.check(StartAbsenceBody, v, t);
      return body ? movementsApi.startAbsence(prisoner.id, body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      refresh();
      onDone();
    },
  });
  const errors = { ...serverFieldErrors(save.error, t), ...form.errors };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="absence-form"
    >
      <Stack>
        <Select
          label={t('movements.absence.kind')}
          data={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`movements.kinds.${k}`) }))}
          value={v.kind}
          onChange={(k) => k && form.set('kind', k as AbsenceKind)}
          allowDeselect={false}
          data-testid="absence-kind"
        />
        <TextInput
          label={t('movements.absence.destination')}
          description={t('movements.absence.destinationHelp')}
          name="destination"
          value={v.destination}
          onChange={(e) => form.set('destination', e.currentTarget.value)}
          error={errors.destination}
          required
          maxLength={200}
          data-autofocus
        />
        <Textarea label={t('common.reason')} name="reason" value={v.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={errors.reason} required maxLength={500} autosize minRows={2} />
        <TextInput label={t('movements.escort')} description={t('movements.escortHelp')} name="escort" value={v.escort} onChange={(e) => form.set('escort', e.currentTarget.value)} error={errors.escort} maxLength={200} />
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="absence-save">
            {t('movements.absence.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
