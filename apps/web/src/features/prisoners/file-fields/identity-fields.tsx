import { NativeSelect, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, NAME_MAX, SEXES } from '@vigil/contracts';
import { DateField } from '../../../ui/form/date-field.tsx';
import { lengthLimitNote, type FieldErrors } from '../../../ui/validation.ts';
import { blankDocument, type IdentityDraft } from '../file-draft.ts';
import { ListField } from './list-field.tsx';

type TextField = 'familyName' | 'givenName' | 'patronymic' | 'familyNameLatin' | 'givenNameLatin' | 'patronymicLatin' | 'placeOfBirth' | 'genderIdentity' | 'nationality';

/**
 * Mandela Rule 7(a): identity as the person gives it, names in their own script and in Latin
 * letters, with aliases, documents and the languages they speak.
 */
export function IdentityFields({ value, onChange, errors, prefix }: { value: IdentityDraft; onChange: (v: IdentityDraft) => void; errors: FieldErrors; prefix: string }) {
  const { t } = useTranslation();
  const set = (patch: Partial<IdentityDraft>) => onChange({ ...value, ...patch });
  const err = (path: string) => errors[`${prefix}.${path}`];
  // A country code is always at its limit when complete: no note for it.
  const limitNote = (field: TextField, max?: number) => (field === 'nationality' ? undefined : lengthLimitNote(value[field], max ?? NAME_MAX, t));
  const text = (field: TextField, opts: { required?: boolean; max?: number; description?: string } = {}) => (
    <TextInput
      label={t(`prisoners.identity.${field}`)}
      name={`identity.${field}`}
      value={value[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      error={err(field)}
      required={opts.required}
      maxLength={opts.max ?? NAME_MAX}
      description={limitNote(field, opts.max) ?? opts.description}
      // The length note goes under the field, where the typing stopped.
      inputWrapperOrder={limitNote(field, opts.max) ? ['label', 'input', 'description', 'error'] : undefined}
    />
  );

  return (
    <Stack data-testid="identity-fields">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {text('familyName', { required: true })}
        {text('givenName', { required: true })}
        {text('patronymic')}
        {text('familyNameLatin')}
        {text('givenNameLatin')}
        {text('patronymicLatin')}
      </SimpleGrid>
      <TagsInput
        label={t('prisoners.identity.aliases')}
        description={t('prisoners.identity.aliasesHelp')}
        value={value.aliases}
        onChange={(aliases) => set({ aliases })}
        error={err('aliases')}
        maxTags={20}
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label={t('prisoners.identity.dateOfBirth')} name="identity.dateOfBirth" value={value.dateOfBirth} onChange={(dateOfBirth) => set({ dateOfBirth })} error={err('dateOfBirth')} required />
        {text('placeOfBirth', { max: 200 })}
        <NativeSelect
          label={t('prisoners.identity.sex')}
          name="identity.sex"
          data={[{ value: '', label: t('prisoners.form.choose') }, ...SEXES.map((x) => ({ value: x, label: t(`prisoners.sex.${x}`) }))]}
          value={value.sex}
          onChange={(e) => set({ sex: e.currentTarget.value })}
          error={err('sex')}
          required
        />
        {text('genderIdentity', { description: t('prisoners.identity.genderIdentityHelp') })}
        {text('nationality', { max: 2, description: t('prisoners.identity.countryHelp') })}
        <TagsInput
          label={t('prisoners.identity.languages')}
          description={t('prisoners.identity.languagesHelp')}
          value={value.languages}
          onChange={(languages) => set({ languages })}
          error={err('languages')}
          maxTags={10}
          clearable
        />
      </SimpleGrid>
      <ListField
        legend={t('prisoners.identity.documents')}
        items={value.documents}
        onChange={(documents) => set({ documents })}
        blank={blankDocument}
        addLabel={t('prisoners.identity.addDocument')}
        testId="documents"
        max={10}
        error={err('documents')}
        render={(doc, setDoc, i) => (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('prisoners.identity.documentKind')}
              data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`prisoners.documentKinds.${k}`) }))}
              value={doc.kind}
              onChange={(e) => setDoc({ kind: e.currentTarget.value })}
              error={err(`documents.${i}.kind`)}
            />
            <TextInput label={t('prisoners.identity.documentNumber')} name={`identity.documents.${i}.number`} value={doc.number} onChange={(e) => setDoc({ number: e.currentTarget.value })} error={err(`documents.${i}.number`)} required maxLength={40} />
            <TextInput label={t('prisoners.identity.documentIssuedBy')} value={doc.issuedBy} onChange={(e) => setDoc({ issuedBy: e.currentTarget.value })} error={err(`documents.${i}.issuedBy`)} maxLength={200} />
            <TextInput label={t('prisoners.identity.documentCountry')} value={doc.country} onChange={(e) => setDoc({ country: e.currentTarget.value })} error={err(`documents.${i}.country`)} maxLength={2} />
            <DateField label={t('prisoners.identity.documentExpires')} value={doc.expiresOn} onChange={(expiresOn) => setDoc({ expiresOn })} error={err(`documents.${i}.expiresOn`)} />
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}
