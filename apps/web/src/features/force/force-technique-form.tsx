import { Checkbox, Group, NumberInput, Select, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateForceTechniqueBody, FORCE_TECHNIQUE_KINDS, LANGUAGES, PROTECTED_STATES, UpdateForceTechniqueBody, type ForceTechnique } from '@vigil/contracts';
import { CatalogueChangeFields, emptyCatalogueChange } from '../../ui/catalogue/catalogue-change-fields.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { forceApi, forceKeys } from './force-api.ts';
import { nameIn } from './force-parts.tsx';

const fromTechnique = (x?: ForceTechnique | null) => ({
  code: x?.code ?? '',
  names: { en: x?.names.en ?? '', ru: x?.names.ru ?? '', tg: x?.names.tg ?? '' },
  kind: (x?.kind ?? 'restraint') as string,
  allowed: x?.allowed ?? true,
  maxDurationMinutes: (x?.maxDurationMinutes ?? '') as number | string,
  reviewIntervalMinutes: (x?.reviewIntervalMinutes ?? '') as number | string,
  refusedFor: (x?.refusedFor ?? ['pregnant']) as string[],
  basis: x?.basis ?? '',
  ...emptyCatalogueChange(),
});
type Values = ReturnType<typeof fromTechnique>;

const minutes = (v: number | string) => (v === '' ? null : Number(v));
const changeOf = ({ code: _code, effectiveFrom, maxDurationMinutes, reviewIntervalMinutes, ...rest }: Values) => ({
  ...rest,
  maxDurationMinutes: minutes(maxDurationMinutes),
  reviewIntervalMinutes: minutes(reviewIntervalMinutes),
  effectiveFrom: effectiveFrom || undefined,
});

/**
 * Adds a technique or restraint instrument, or changes one: allowed or prohibited (Mandela Rule
 * 47(1)), how long it may stay on and how often it is reviewed (Rule 48), and whom it is never
 * used on (Rule 48(2), Bangkok Rule 24). Each save is a new version from its effective date.
 */
export function ForceTechniqueDialog({ opened, technique, onClose }: { opened: boolean; technique?: ForceTechnique | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: forceKeys.techniques });
  const common = {
    opened,
    onClose,
    size: 'xl',
    initial: fromTechnique(technique),
    onSaved: () => {
      void refresh();
      onClose();
    },
    onReload: () => void refresh(),
    testId: 'force-technique-form',
    problemFields: { 'duplicate-code': { field: 'code', message: t('forceTechniques.form.codeTaken') }, 'catalogue-effective-date': { field: 'effectiveFrom' } },
  };
  const fields = (form: FormBinder<Values>) => (
    <>
      {technique ? (
        <Text size="sm">
          {t('forceTechniques.form.code')}: <code>{technique.code}</code>
        </Text>
      ) : (
        <TextInput label={t('forceTechniques.form.code')} description={t('forceTechniques.form.codeHelp')} {...form.text('code')} onChange={(e) => form.setAt('code', e.currentTarget.value.toLowerCase())} maxLength={40} autoComplete="off" spellCheck={false} data-autofocus />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {LANGUAGES.map((language) => (
          <TextInput key={language} label={t(`forceTechniques.form.name.${language}`)} {...form.text(`names.${language}`)} name={`name-${language}`} lang={language} maxLength={100} />
        ))}
      </SimpleGrid>
      <Group grow align="flex-start" wrap="wrap">
        <Select label={t('forceTechniques.form.kind')} data={FORCE_TECHNIQUE_KINDS.map((k) => ({ value: k, label: t(`force.kind.${k}`) }))} {...form.choice('kind')} allowDeselect={false} />
        <NumberInput label={t('forceTechniques.form.maxDuration')} {...form.choice('maxDurationMinutes')} min={1} max={1440} allowDecimal={false} />
        <NumberInput label={t('forceTechniques.form.reviewInterval')} {...form.choice('reviewIntervalMinutes')} min={1} max={1440} allowDecimal={false} />
      </Group>
      <Switch label={t('forceTechniques.form.allowed')} description={t('forceTechniques.form.allowedHelp')} {...form.checkbox('allowed')} />
      <Checkbox.Group label={t('forceTechniques.form.refusedFor')} description={t('forceTechniques.form.refusedForHelp')} {...form.choice('refusedFor')}>
        <Group mt="xs">
          {PROTECTED_STATES.map((s) => (
            <Checkbox key={s} value={s} label={t(`force.protected.${s}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput label={t('forceTechniques.form.basis')} {...form.text('basis')} maxLength={500} />
      <CatalogueChangeFields value={form.values} onChange={({ source, effectiveFrom }) => form.patch({ source, effectiveFrom })} errors={form.errors} />
    </>
  );

  return technique ? (
    <FormDialog
      {...common}
      title={t('forceTechniques.editTitle', { name: nameIn(technique.names, i18n.language) })}
      formKey={technique.version}
      schema={UpdateForceTechniqueBody}
      toBody={(v) => ({ ...changeOf(v), version: technique.version })}
      submit={(body) => forceApi.updateTechnique(technique.code, body)}
    >
      {fields}
    </FormDialog>
  ) : (
    <FormDialog {...common} title={t('forceTechniques.add')} schema={CreateForceTechniqueBody} toBody={(v) => ({ ...changeOf(v), code: v.code })} submit={forceApi.createTechnique}>
      {fields}
    </FormDialog>
  );
}
