import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateFacilityBody, DEFAULT_PRISON_NUMBER_PATTERN, FACILITY_TYPES, UpdateFacilityBody, formatPrisonNumber, prisonNumberPatternProblem, type Facility, type FacilityType } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { facilitiesApi, facilityKeys } from './facilities-api.ts';

// Design capacity starts empty, not 0: a facility of no capacity is never meant, so leaving it out
// is "required" like the other fields.
const blank = { code: '', name: '', nameLatin: '', country: 'TJ', region: '', timeZone: 'Asia/Dushanbe', type: 'colony-general' as FacilityType, capacity: '' as number | string, prisonNumberPattern: DEFAULT_PRISON_NUMBER_PATTERN, prisonNumberEditable: false };

const fromFacility = (f: Facility) => ({ ...f, nameLatin: f.nameLatin ?? '', capacity: f.capacity as number | string });

/** Creates a facility, or edits one (sending the version it was loaded at: 409 on a conflict). */
export function FacilityForm({ facility, onDone, onCancel }: { facility?: Facility; onDone: (f: Facility) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(facility ? fromFacility(facility) : blank);
  const v = form.values;

  const save = useMutation({
    mutationFn: async () => {
      const fields = { code: v.code, name: v.name, nameLatin: v.nameLatin, country: v.country.toUpperCase(), region: v.region, timeZone: v.timeZone, type: v.type, capacity: v.capacity === '' ? undefined : Number(v.capacity), prisonNumberPattern: v.prisonNumberPattern, prisonNumberEditable: v.prisonNumberEditable };
      if (facility) {
        const body = form.check(UpdateFacilityBody, { ...fields, version: facility.version }, t);
        return body ? facilitiesApi.update(facility.id, body) : null;
      }
      const body = form.check(CreateFacilityBody, fields, t);
      return body ? facilitiesApi.create(body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      void queryClient.invalidateQueries({ queryKey: facilityKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['session'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onDone(saved);
    },
  });
  // After a conflict: fetch the saved record; the parent re-keys the form on its new version.
  const reload = async () => {
    if (!facility) return;
    save.reset();
    await queryClient.refetchQueries({ queryKey: facilityKeys.one(facility.id) });
  };
  const errors = { ...serverFieldErrors(save.error, t), ...form.errors };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput name="code" label={t('facilities.code')} value={v.code} onChange={(e) => form.set('code', e.currentTarget.value)} error={errors.code} required maxLength={20} />
          <Select
            label={t('facilities.type')}
            data={FACILITY_TYPES.map((type) => ({ value: type, label: t(`facilities.types.${type}`) }))}
            value={v.type}
            onChange={(type) => type && form.set('type', type as FacilityType)}
            error={errors.type}
            allowDeselect={false}
          />
          <TextInput name="name" label={t('facilities.name')} value={v.name} onChange={(e) => form.set('name', e.currentTarget.value)} error={errors.name} required maxLength={200} />
          <TextInput name="nameLatin" label={t('facilities.nameLatin')} value={v.nameLatin} onChange={(e) => form.set('nameLatin', e.currentTarget.value)} error={errors.nameLatin} maxLength={200} />
          <TextInput name="country" label={t('facilities.country')} description={t('facilities.countryHelp')} value={v.country} onChange={(e) => form.set('country', e.currentTarget.value)} error={errors.country} required maxLength={2} />
          <TextInput name="region" label={t('facilities.region')} value={v.region} onChange={(e) => form.set('region', e.currentTarget.value)} error={errors.region} required maxLength={100} />
          <TextInput name="timeZone" label={t('facilities.timeZone')} description={t('facilities.timeZoneHelp')} value={v.timeZone} onChange={(e) => form.set('timeZone', e.currentTarget.value)} error={errors.timeZone} required maxLength={64} />
          <NumberInput name="capacity" label={t('facilities.capacity')} value={v.capacity} onChange={(n) => form.set('capacity', n)} error={errors.capacity} min={0} max={100000} allowDecimal={false} required />
          <TextInput
            name="prisonNumberPattern"
            label={t('facilities.prisonNumberPattern')}
            description={prisonNumberPatternProblem(v.prisonNumberPattern) ? t('facilities.prisonNumberPatternHelp') : t('facilities.prisonNumberExample', { example: formatPrisonNumber(v.prisonNumberPattern, { facility: v.code || 'IK-3', year: new Date().getFullYear(), seq: 42 }) })}
            value={v.prisonNumberPattern}
            onChange={(e) => form.set('prisonNumberPattern', e.currentTarget.value)}
            error={errors.prisonNumberPattern}
            required
            maxLength={40}
          />
          <Checkbox name="prisonNumberEditable" label={t('facilities.prisonNumberEditable')} checked={v.prisonNumberEditable} onChange={(e) => form.set('prisonNumberEditable', e.currentTarget.checked)} mt="lg" />
        </SimpleGrid>
        <ProblemAlert error={save.error} onReload={reload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
