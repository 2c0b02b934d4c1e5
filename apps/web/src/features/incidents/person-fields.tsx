import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INJURY_LEVELS, PERSON_ROLES, type PersonKind } from '@vigil/contracts';
import { incidentKeys, incidentsApi } from './incidents-api.ts';
import { PrisonerSelect } from './prisoner-select.tsx';

export interface PersonValues {
  kind: PersonKind;
  prisonerId: string | null;
  staffId: string | null;
  name: string;
  role: string;
  injury: string;
  injuryNotes: string;
}

export const emptyPerson = (kind: PersonKind): PersonValues => ({ kind, prisonerId: null, staffId: null, name: '', role: kind === 'staff' ? 'responder' : kind === 'prisoner' ? 'perpetrator' : 'witness', injury: 'none', injuryNotes: '' });

/** The request body of one person: only the field that names them for their kind. */
export const personBody = (p: PersonValues) => ({
  kind: p.kind,
  ...(p.kind === 'prisoner' ? { prisonerId: p.prisonerId } : {}),
  ...(p.kind === 'staff' ? { staffId: p.staffId } : {}),
  ...(p.kind === 'visitor' || p.kind === 'other' ? { name: p.name } : {}),
  role: p.role,
  injury: p.injury,
  injuryNotes: p.injuryNotes,
});

/**
 * One person involved: who they are (a prisoner found by name or number, a member of staff of the
 * facility, or a visitor's name), their role and any injury. `errorAt` reads the form's errors by field.
 */
export function PersonFields({ value, onChange, facilityId, errorAt, index }: { value: PersonValues; onChange: (v: PersonValues) => void; facilityId: string; errorAt: (field: string) => string | undefined; index: number }) {
  const { t } = useTranslation();
  const staff = useQuery({ queryKey: incidentKeys.staff(facilityId), queryFn: () => incidentsApi.staff(facilityId), enabled: value.kind === 'staff' && !!facilityId });
  const set = (changes: Partial<PersonValues>) => onChange({ ...value, ...changes });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {value.kind === 'prisoner' && <PrisonerSelect label={t('incidents.form.prisoner')} value={value.prisonerId} onChange={(prisonerId) => set({ prisonerId })} error={errorAt('prisonerId')} testId={`person-prisoner-${index}`} />}
      {value.kind === 'staff' && (
        <Select
          label={t('incidents.form.staff')}
          data={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.familyName} ${s.givenName}` }))}
          value={value.staffId}
          onChange={(staffId) => set({ staffId })}
          searchable
          required
          error={errorAt('staffId')}
          data-testid={`person-staff-${index}`}
        />
      )}
      {(value.kind === 'visitor' || value.kind === 'other') && <TextInput label={t('incidents.form.name')} value={value.name} onChange={(e) => set({ name: e.currentTarget.value })} required maxLength={200} error={errorAt('name')} data-testid={`person-name-${index}`} />}
      <Select label={t('incidents.form.role')} data={PERSON_ROLES.map((r) => ({ value: r, label: t(`incidents.role.${r}`) }))} value={value.role} onChange={(role) => role && set({ role })} allowDeselect={false} error={errorAt('role')} data-testid={`person-role-${index}`} />
      <Select label={t('incidents.form.injury')} data={INJURY_LEVELS.map((l) => ({ value: l, label: t(`incidents.injury.${l}`) }))} value={value.injury} onChange={(injury) => injury && set({ injury })} allowDeselect={false} error={errorAt('injury')} data-testid={`person-injury-${index}`} />
      {value.injury !== 'none' && <TextInput label={t('incidents.form.injuryNotes')} value={value.injuryNotes} onChange={(e) => set({ injuryNotes: e.currentTarget.value })} maxLength={1000} error={errorAt('injuryNotes')} data-testid={`person-injury-notes-${index}`} />}
    </SimpleGrid>
  );
}
