import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BulkCellsBody, type Location } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { facilityKeys, locationsApi } from './facilities-api.ts';
import { CellFields } from './location-fields.tsx';
import { bulkCellCodes } from './location-tree-model.ts';

/** Creates a landing's cells in one go: numbered codes, the same capacities and designation. */
export function BulkCellsForm({ facilityId, landing, onDone, onCancel }: { facilityId: string; landing: Location; onDone: (created: Location[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    prefix: '',
    firstNumber: 1 as number | string,
    count: 10 as number | string,
    digits: 2 as number | string,
    baselineCapacity: 1 as number | string,
    operationalCapacity: 1 as number | string,
    sexDesignation: 'male' as string | null,
    securityLevel: 'medium' as string | null,
    specialTypes: [] as string[],
  });
  const v = form.values;
  const codes = bulkCellCodes(v.prefix.trim(), Number(v.firstNumber) || 0, Math.min(Number(v.count) || 0, 200), Number(v.digits) || 1);

  const create = useMutation({
    mutationFn: async () => {
      const body = form.check(
        BulkCellsBody,
        {
          landingId: landing.id,
          prefix: v.prefix,
          firstNumber: Number(v.firstNumber),
          count: Number(v.count),
          digits: Number(v.digits),
          baselineCapacity: Number(v.baselineCapacity),
          operationalCapacity: Number(v.operationalCapacity),
          sexDesignation: v.sexDesignation,
          securityLevel: v.securityLevel,
          specialTypes: v.specialTypes,
        },
        t,
      );
      return body ? locationsApi.bulkCells(facilityId, body) : null;
    },
    onSuccess: (result) => {
      if (!result) return;
      void queryClient.invalidateQueries({ queryKey: facilityKeys.locations(facilityId) });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onDone(result.items);
    },
  });
  const errors = { ...serverFieldErrors(create.error, t), ...form.errors };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
      data-testid="bulk-cells-form"
    >
      <Stack>
        <Text size="sm">{t('locations.bulk.help', { landing: `${landing.path} · ${landing.name}` })}</Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <TextInput label={t('locations.bulk.prefix')} name="prefix" value={v.prefix} onChange={(e) => form.set('prefix', e.currentTarget.value)} error={errors.prefix} maxLength={10} />
          <NumberInput label={t('locations.bulk.firstNumber')} name="firstNumber" value={v.firstNumber} onChange={(n) => form.set('firstNumber', n)} error={errors.firstNumber} min={0} max={9999} allowDecimal={false} required />
          <NumberInput label={t('locations.bulk.count')} name="count" value={v.count} onChange={(n) => form.set('count', n)} error={errors.count} min={1} max={200} allowDecimal={false} required />
          <NumberInput label={t('locations.bulk.digits')} name="digits" value={v.digits} onChange={(n) => form.set('digits', n)} error={errors.digits} min={1} max={4} allowDecimal={false} required />
        </SimpleGrid>
        <CellFields values={v} onChange={form.patch} errors={errors} required />
        {codes.length > 0 && (
          <Text size="sm" data-testid="bulk-preview">
            {t('locations.bulk.preview', { n: codes.length, first: codes[0], last: codes[codes.length - 1] })}
          </Text>
        )}
        <ProblemAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="bulk-save">
            {t('locations.bulk.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
