import { Fieldset, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../ui/validation.ts';
import { blankChild, type FamilyDraft } from '../file-draft.ts';
import { ListField } from './list-field.tsx';

/** Children (their ages, where they are, who cares for them) and the emergency contact. */
export function FamilyFields({ value, onChange, errors, prefix }: { value: FamilyDraft; onChange: (v: FamilyDraft) => void; errors: FieldErrors; prefix: string }) {
  const { t } = useTranslation();
  const set = (patch: Partial<FamilyDraft>) => onChange({ ...value, ...patch });
  const err = (path: string) => errors[`${prefix}.${path}`];
  return (
    <Stack data-testid="family-fields">
      <ListField
        legend={t('prisoners.family.children')}
        items={value.children}
        onChange={(children) => set({ children })}
        blank={blankChild}
        addLabel={t('prisoners.family.addChild')}
        testId="children"
        render={(c, setC, i) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('prisoners.family.childName')} value={c.name} onChange={(e) => setC({ name: e.currentTarget.value })} error={err(`children.${i}.name`)} maxLength={200} />
            <NumberInput label={t('prisoners.family.childAge')} value={c.age} onChange={(n) => setC({ age: n })} error={err(`children.${i}.age`)} min={0} max={30} allowDecimal={false} allowNegative={false} required />
            <TextInput label={t('prisoners.family.whereabouts')} value={c.whereabouts} onChange={(e) => setC({ whereabouts: e.currentTarget.value })} error={err(`children.${i}.whereabouts`)} required maxLength={300} />
            <TextInput label={t('prisoners.family.carer')} value={c.carer} onChange={(e) => setC({ carer: e.currentTarget.value })} error={err(`children.${i}.carer`)} maxLength={200} />
          </SimpleGrid>
        )}
      />
      <Fieldset legend={t('prisoners.family.emergencyContact')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('prisoners.family.contactName')} name="family.emergencyContact.name" value={value.emergencyName} onChange={(e) => set({ emergencyName: e.currentTarget.value })} error={err('emergencyContact.name')} maxLength={200} />
          <TextInput label={t('prisoners.family.relationship')} name="family.emergencyContact.relationship" value={value.emergencyRelationship} onChange={(e) => set({ emergencyRelationship: e.currentTarget.value })} error={err('emergencyContact.relationship')} maxLength={60} />
          <TextInput label={t('prisoners.family.phone')} name="family.emergencyContact.phone" value={value.emergencyPhone} onChange={(e) => set({ emergencyPhone: e.currentTarget.value })} error={err('emergencyContact.phone')} maxLength={40} />
          <TextInput label={t('prisoners.family.address')} name="family.emergencyContact.address" value={value.emergencyAddress} onChange={(e) => set({ emergencyAddress: e.currentTarget.value })} error={err('emergencyContact.address')} maxLength={300} />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
