import { NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BulkCellsBody, type Location } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { facilityKeys, locationsApi } from './facilities-api.ts';
import { CellFields } from './location-fields.tsx';
import { bulkCellCodes } from './location-tree-model.ts';

const initial = {
  prefix: '',
  firstNumber: 1 as number | string,
  count: 10 as number | string,
  digits: 2 as number | string,
  baselineCapacity: 1 as number | string,
  operationalCapacity: 1 as number | string,
  sexDesignation: 'male' as string | null,
  securityLevel: 'medium' as string | null,
  specialTypes: [] as string[],
};
type Values = typeof initial;

const numbers = ['firstNumber', 'count', 'digits', 'baselineCapacity', 'operationalCapacity'] as const;
const toBody = (landing: Location, v: Values) => ({ ...v, ...Object.fromEntries(numbers.map((k) => [k, Number(v[k])])), landingId: landing.id });

/** Creates a landing's cells in one go: numbered codes, the same capacities and designation. */
export function BulkCellsDialog({ opened, facilityId, landing, onClose, onSaved }: { opened: boolean; facilityId: string; landing: Location | undefined; onClose: () => void; onSaved: (created: Location[]) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  if (!landing) return null;
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('locations.bulk.title')}
      initial={initial}
      schema={BulkCellsBody}
      toBody={(v) => toBody(landing, v)}
      submit={(body) => locationsApi.bulkCells(facilityId, body)}
      onSaved={(result) => {
        void queryClient.invalidateQueries({ queryKey: facilityKeys.locations(facilityId) });
        void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
        onSaved(result.items);
      }}
      submitLabel={t('locations.bulk.submit')}
      testId="bulk-cells-form"
      saveTestId="bulk-save"
    >
      {(form) => {
        const v = form.values;
        const codes = bulkCellCodes(v.prefix.trim(), Number(v.firstNumber) || 0, Math.min(Number(v.count) || 0, 200), Number(v.digits) || 1);
        return (
          <>
            <Text size="sm">{t('locations.bulk.help', { landing: `${landing.path} · ${landing.name}` })}</Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <TextInput label={t('locations.bulk.prefix')} {...form.text('prefix')} maxLength={10} />
              <NumberInput label={t('locations.bulk.firstNumber')} {...form.choice('firstNumber')} min={0} max={9999} allowDecimal={false} />
              <NumberInput label={t('locations.bulk.count')} {...form.choice('count')} min={1} max={200} allowDecimal={false} />
              <NumberInput label={t('locations.bulk.digits')} {...form.choice('digits')} min={1} max={4} allowDecimal={false} />
            </SimpleGrid>
            <CellFields values={v} onChange={form.patch} errors={form.errors} required />
            {codes.length > 0 && (
              <Text size="sm" data-testid="bulk-preview">
                {t('locations.bulk.preview', { n: codes.length, first: codes[0], last: codes[codes.length - 1] })}
              </Text>
            )}
          </>
        );
      }}
    </FormDialog>
  );
}
