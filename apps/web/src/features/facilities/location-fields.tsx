import { Checkbox, Group, NumberInput, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CELL_SPECIAL_TYPES, SECURITY_LEVELS, SEX_DESIGNATIONS } from '@vigil/contracts';
import type { FieldErrors } from '../../ui/validation.ts';

export type CellValues = {
  baselineCapacity: number | string;
  operationalCapacity: number | string;
  sexDesignation: string | null;
  securityLevel: string | null;
  specialTypes: string[];
};

/** Capacities, sex designation, security level and special types: what a cell carries. */
export function CellFields({ values, onChange, errors, required }: { values: CellValues; onChange: (patch: Partial<CellValues>) => void; errors: FieldErrors; required: boolean }) {
  const { t } = useTranslation();
  const set = <K extends keyof CellValues>(field: K, value: CellValues[K]) => onChange({ [field]: value } as Partial<CellValues>);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('locations.baselineCapacity')} value={values.baselineCapacity} onChange={(n) => set('baselineCapacity', n)} error={errors.baselineCapacity} min={0} max={1000} allowDecimal={false} required={required} />
        <NumberInput label={t('locations.operationalCapacity')} value={values.operationalCapacity} onChange={(n) => set('operationalCapacity', n)} error={errors.operationalCapacity} min={0} max={1000} allowDecimal={false} required={required} />
        <Select
          label={t('locations.sexDesignation')}
          data={SEX_DESIGNATIONS.map((s) => ({ value: s, label: t(`locations.sex.${s}`) }))}
          value={values.sexDesignation}
          onChange={(s) => set('sexDesignation', s)}
          error={errors.sexDesignation}
          required={required}
          clearable={!required}
        />
        <Select
          label={t('locations.securityLevel')}
          data={SECURITY_LEVELS.map((s) => ({ value: s, label: t(`locations.security.${s}`) }))}
          value={values.securityLevel}
          onChange={(s) => set('securityLevel', s)}
          error={errors.securityLevel}
          required={required}
          clearable={!required}
        />
      </SimpleGrid>
      <Checkbox.Group label={t('locations.specialTypes')} value={values.specialTypes} onChange={(v) => set('specialTypes', v)} error={errors.specialTypes}>
        <Group mt={4}>
          {CELL_SPECIAL_TYPES.map((s) => (
            <Checkbox key={s} value={s} label={t(`locations.special.${s}`)} />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}

/** An empty number input means "not set". */
export const numberOrNull = (v: number | string) => (v === '' || v === null || v === undefined ? null : Number(v));
