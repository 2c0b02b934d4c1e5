import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StartTransferBody, type Movement, type Prisoner } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { movementKeys, movementsApi } from './movements-api.ts';
import { useMovementRefresh } from './use-movement-refresh.ts';

/** Sends the prisoner to another facility with the escort's details; the receiving facility signs for them. */
export function TransferForm({ prisoner, onDone, onCancel }: { prisoner: Prisoner; onDone: (m: Movement) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const refresh = useMovementRefresh(prisoner.id);
  const destinations = useQuery({ queryKey: movementKeys.destinations, queryFn: movementsApi.destinations, staleTime: 5 * 60_000 });
  const form = useForm({ toFacilityId: '', reason: '', escort: '' });
  const v = form.values;
  const save = useMutation({
    mutationFn: async () => {
      const body = form.check(StartTransferBody, v, t);
      return body ? movementsApi.startTransfer(prisoner.id, body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      refresh();
      onDone(saved);
    },
  });
  const errors = { ...serverFieldErrors(save.error, t), ...form.errors };
  const options = (destinations.data?.items ?? []).filter((f) => f.id !== prisoner.facilityId).map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="transfer-form"
    >
      <Stack>
        <QueryState isPending={destinations.isPending} error={destinations.error} />
        <Select
          label={t('movements.transfer.to')}
          data={options}
          value={v.toFacilityId || null}
          onChange={(id) => form.set('toFacilityId', id ?? '')}
          error={errors.toFacilityId}
          required
          searchable
          allowDeselect={false}
          data-testid="transfer-to"
          data-autofocus
        />
        <Textarea label={t('common.reason')} name="reason" value={v.reason} onChange={(e) => form.set('reason', e.currentTarget.value)} error={errors.reason} required maxLength={500} autosize minRows={2} />
        <TextInput label={t('movements.escort')} description={t('movements.escortHelp')} name="escort" value={v.escort} onChange={(e) => form.set('escort', e.currentTarget.value)} error={errors.escort} required maxLength={200} />
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="transfer-save">
            {t('movements.transfer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
