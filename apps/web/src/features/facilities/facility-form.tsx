import { Checkbox, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateFacilityBody, DEFAULT_PRISON_NUMBER_PATTERN, FACILITY_TYPES, UpdateFacilityBody, formatPrisonNumber, prisonNumberPatternProblem, type Facility, type FacilityType } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { facilitiesApi, facilityKeys } from './facilities-api.ts';

// Design capacity starts empty, not 0: a facility of no capacity is never meant, so leaving it out
// is "required" like the other fields.
const fromFacility = (f?: Facility) => ({
  code: f?.code ?? '',
  name: f?.name ?? '',
  nameLatin: f?.nameLatin ?? '',
  country: f?.country ?? 'TJ',
  region: f?.region ?? '',
  timeZone: f?.timeZone ?? 'Asia/Dushanbe',
  type: f?.type ?? ('colony-general' as FacilityType),
  capacity: (f?.capacity ?? '') as number | string,
  prisonNumberPattern: f?.prisonNumberPattern ?? DEFAULT_PRISON_NUMBER_PATTERN,
  prisonNumberEditable: f?.prisonNumberEditable ?? false,
});
type Values = ReturnType<typeof fromFacility>;

const toFields = (v: Values) => ({ ...v, country: v.country.toUpperCase(), capacity: v.capacity === '' ? undefined : Number(v.capacity) });

/**
 * Creates a facility (no `facility`), or edits one, sending the version it was loaded at: a 409 on
 * a conflict, with a reload that refetches the facility (the parent passes the newer record).
 */
export function FacilityDialog({ opened, facility, onClose, onSaved }: { opened: boolean; facility?: Facility; onClose: () => void; onSaved: (f: Facility) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = (f: Facility) => {
    void queryClient.invalidateQueries({ queryKey: facilityKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['session'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    onSaved(f);
  };
  const common = { opened, onClose, initial: fromFacility(facility), onSaved: saved, testId: 'facility-form' };

  return facility ? (
    <FormDialog
      {...common}
      title={t('facilities.edit')}
      formKey={facility.version}
      schema={UpdateFacilityBody}
      toBody={(v) => ({ ...toFields(v), version: facility.version })}
      submit={(body) => facilitiesApi.update(facility.id, body)}
      onReload={() => void queryClient.refetchQueries({ queryKey: facilityKeys.one(facility.id) })}
    >
      {(form) => <FacilityFields form={form} />}
    </FormDialog>
  ) : (
    <FormDialog {...common} title={t('facilities.create')} schema={CreateFacilityBody} toBody={toFields} submit={facilitiesApi.create}>
      {(form) => <FacilityFields form={form} />}
    </FormDialog>
  );
}

function FacilityFields({ form }: { form: FormBinder<Values> }) {
  const { t } = useTranslation();
  const v = form.values;
  const example = formatPrisonNumber(v.prisonNumberPattern, { facility: v.code || 'IK-3', year: new Date().getFullYear(), seq: 42 });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('facilities.code')} {...form.text('code')} maxLength={20} data-autofocus />
      <Select label={t('facilities.type')} data={FACILITY_TYPES.map((type) => ({ value: type, label: t(`facilities.types.${type}`) }))} {...form.choice('type')} allowDeselect={false} />
      <TextInput label={t('facilities.name')} {...form.text('name')} maxLength={200} />
      <TextInput label={t('facilities.nameLatin')} {...form.text('nameLatin')} maxLength={200} />
      <TextInput label={t('facilities.country')} description={t('facilities.countryHelp')} {...form.text('country')} maxLength={2} />
      <TextInput label={t('facilities.region')} {...form.text('region')} maxLength={100} />
      <TextInput label={t('facilities.timeZone')} description={t('facilities.timeZoneHelp')} {...form.text('timeZone')} maxLength={64} />
      <NumberInput label={t('facilities.capacity')} {...form.choice('capacity')} min={0} max={100000} allowDecimal={false} />
      <TextInput
        label={t('facilities.prisonNumberPattern')}
        description={prisonNumberPatternProblem(v.prisonNumberPattern) ? t('facilities.prisonNumberPatternHelp') : t('facilities.prisonNumberExample', { example })}
        {...form.text('prisonNumberPattern')}
        maxLength={40}
      />
      <Checkbox label={t('facilities.prisonNumberEditable')} {...form.checkbox('prisonNumberEditable')} mt="lg" />
    </SimpleGrid>
  );
}
