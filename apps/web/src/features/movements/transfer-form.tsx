import { Select, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StartTransferBody, type Movement, type Prisoner } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { movementKeys, movementsApi } from './movements-api.ts';
import { useMovementRefresh } from './use-movement-refresh.ts';

const initial = { toFacilityId: '', reason: '', escort: '' };

/** Sends the prisoner to another facility with the escort's details; the receiving facility signs for them. */
export function TransferDialog({ prisoner, opened, onClose, onDone }: { prisoner: Prisoner; opened: boolean; onClose: () => void; onDone: (m: Movement) => void }) {
  const { t } = useTranslation();
  const refresh = useMovementRefresh(prisoner.id);
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('movements.transfer.title', { name: `${prisoner.familyName} ${prisoner.givenName}` })}
      initial={initial}
      schema={StartTransferBody}
      submit={(body) => movementsApi.startTransfer(prisoner.id, body)}
      onSaved={(saved) => {
        refresh();
        onDone(saved);
      }}
      submitLabel={t('movements.transfer.submit')}
      testId="transfer-form"
    >
      {(form) => (
        <>
          <Destination prisoner={prisoner} value={form.values.toFacilityId} onChange={(id) => form.set('toFacilityId', id)} error={form.errors.toFacilityId} />
          <Textarea label={t('common.reason')} {...form.text('reason')} maxLength={500} autosize minRows={2} />
          <TextInput label={t('movements.escort')} description={t('movements.escortHelp')} {...form.text('escort')} maxLength={200} />
        </>
      )}
    </FormDialog>
  );
}

/** Any other facility of the service (the list is short and changes rarely). */
function Destination({ prisoner, value, onChange, error }: { prisoner: Prisoner; value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation();
  const destinations = useQuery({ queryKey: movementKeys.destinations, queryFn: movementsApi.destinations, staleTime: 5 * 60_000 });
  const options = (destinations.data?.items ?? []).filter((f) => f.id !== prisoner.facilityId).map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }));
  return (
    <>
      <QueryState isPending={destinations.isPending} error={destinations.error} />
      <Select
        label={t('movements.transfer.to')}
        data={options}
        value={value || null}
        onChange={(id) => onChange(id ?? '')}
        error={error}
        required
        searchable
        allowDeselect={false}
        data-testid="transfer-to"
        data-autofocus
      />
    </>
  );
}
