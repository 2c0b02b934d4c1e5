import { Checkbox, Group, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateRecipientProfileBody, HANDOVER_SECTIONS, LANGUAGES, PACKAGE_LANGUAGES, RECIPIENT_KINDS, UpdateRecipientProfileBody, type Language, type RecipientProfile } from '@vigil/contracts';
import { CatalogueChangeFields, emptyCatalogueChange } from '../../ui/catalogue/catalogue-change-fields.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { handoverApi, handoverKeys } from './handover-api.ts';

const fromProfile = (p?: RecipientProfile | null) => ({
  code: p?.code ?? '',
  names: { en: p?.names.en ?? '', ru: p?.names.ru ?? '', tg: p?.names.tg ?? '' },
  kind: (p?.kind ?? 'other') as string,
  language: (p?.language ?? 'tg') as string,
  sections: (p?.sections ?? ['identity']) as string[],
  active: p?.active ?? true,
  ...emptyCatalogueChange(),
});
type Values = ReturnType<typeof fromProfile>;

/** Everything but the code, which never changes once saved; an empty effective date means today. */
const changeOf = ({ code: _code, effectiveFrom, ...rest }: Values) => ({ ...rest, effectiveFrom: effectiveFrom || undefined });

/**
 * Adds a recipient profile (no `profile`) or changes one: its names, the kind of agency, the
 * language of its packages and the parts it may receive. Each save is a new version from its
 * effective date; handovers already issued keep the version they were made under.
 */
export function RecipientProfileDialog({ opened, profile, onClose }: { opened: boolean; profile?: RecipientProfile | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: handoverKeys.profiles });
  const common = {
    opened,
    onClose,
    size: 'xl',
    initial: fromProfile(profile),
    onSaved: () => {
      void refresh();
      onClose();
    },
    onReload: () => void refresh(),
    testId: 'recipient-profile-form',
    problemFields: { 'duplicate-code': { field: 'code', message: t('handoverProfiles.form.codeTaken') }, 'catalogue-effective-date': { field: 'effectiveFrom' } },
  };
  const fields = (form: FormBinder<Values>) => (
    <>
      {profile ? (
        <Text size="sm">
          {t('handoverProfiles.form.code')}: <code>{profile.code}</code>
        </Text>
      ) : (
        <TextInput
          label={t('handoverProfiles.form.code')}
          description={t('handoverProfiles.form.codeHelp')}
          {...form.text('code')}
          onChange={(e) => form.setAt('code', e.currentTarget.value.toLowerCase())}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {LANGUAGES.map((language) => (
          <TextInput key={language} label={t(`handoverProfiles.form.name.${language}`)} {...form.text(`names.${language}`)} name={`name-${language}`} lang={language} maxLength={100} />
        ))}
      </SimpleGrid>
      <Group grow align="flex-start" wrap="wrap">
        <Select label={t('handoverProfiles.form.kind')} data={RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`handover.kind.${k}`) }))} {...form.choice('kind')} allowDeselect={false} />
        <Select
          label={t('handoverProfiles.form.language')}
          description={t('handoverProfiles.form.languageHelp')}
          data={PACKAGE_LANGUAGES.map((l) => ({ value: l, label: t(`handover.language.${l}`) }))}
          {...form.choice('language')}
          allowDeselect={false}
        />
      </Group>
      <Checkbox.Group label={t('handoverProfiles.form.sections')} description={t('handoverProfiles.form.sectionsHelp')} {...form.choice('sections')} data-testid="recipient-profile-sections">
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {HANDOVER_SECTIONS.map((s) => (
            <Checkbox key={s} value={s} label={t(`handover.section.${s}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {profile && <Switch label={t('handoverProfiles.form.active')} description={t('handoverProfiles.form.activeHelp')} {...form.checkbox('active')} />}
      <CatalogueChangeFields value={form.values} onChange={({ source, effectiveFrom }) => form.patch({ source, effectiveFrom })} errors={form.errors} />
    </>
  );

  return profile ? (
    <FormDialog
      {...common}
      title={t('handoverProfiles.editTitle', { name: profile.names[i18n.language as Language] })}
      formKey={profile.version}
      schema={UpdateRecipientProfileBody}
      toBody={(v) => ({ ...changeOf(v), version: profile.version })}
      submit={(body) => handoverApi.updateProfile(profile.code, body)}
    >
      {fields}
    </FormDialog>
  ) : (
    <FormDialog {...common} title={t('handoverProfiles.add')} schema={CreateRecipientProfileBody} toBody={(v) => ({ ...changeOf(v), code: v.code })} submit={handoverApi.createProfile}>
      {fields}
    </FormDialog>
  );
}
