import { Checkbox, MultiSelect, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateAlertTypeBody, LANGUAGES, ROLES, UpdateAlertTypeBody, type AlertType, type Role } from '@vigil/contracts';
import { CatalogueChangeFields, emptyCatalogueChange } from '../../ui/catalogue/catalogue-change-fields.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { alertKeys, alertsApi } from './alerts-api.ts';

const fromType = (a?: AlertType | null) => ({
  code: a?.code ?? '',
  names: { en: a?.names.en ?? '', ru: a?.names.ru ?? '', tg: a?.names.tg ?? '' },
  needsRelatedPrisoner: a?.needsRelatedPrisoner ?? false,
  blocksCellSharing: a?.blocksCellSharing ?? false,
  restrictedTo: (a?.restrictedTo ?? []) as Role[],
  active: a?.active ?? true,
  ...emptyCatalogueChange(),
});
type Values = ReturnType<typeof fromType>;

/** Everything but the code, which never changes once saved; an empty effective date means today. */
const changeOf = ({ code: _code, effectiveFrom, ...rest }: Values) => ({ ...rest, effectiveFrom: effectiveFrom || undefined });

/**
 * Adds an alert code (no `type`) or edits one. The code itself never changes once saved (raised
 * alerts keep it); everything else is sent whole, so switching "active" off here is how a code is
 * retired. Each save is a new version of the code, from its effective date, with the source it follows.
 */
export function AlertTypeDialog({ opened, type, onClose }: { opened: boolean; type?: AlertType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.types });
  const saved = () => {
    void refresh();
    onClose();
  };
  const common = {
    opened,
    onClose,
    initial: fromType(type),
    onSaved: saved,
    onReload: () => void refresh(),
    testId: 'alert-type-form',
    problemFields: { 'duplicate-code': { field: 'code', message: t('alertTypes.form.codeTaken') }, 'catalogue-effective-date': { field: 'effectiveFrom' } },
  };
  const fields = (form: FormBinder<Values>) => (
    <>
      {type ? (
        <Text size="sm">
          {t('alertTypes.form.code')}: <code data-testid="alert-type-form-code">{type.code}</code>
        </Text>
      ) : (
        <TextInput
          label={t('alertTypes.form.code')}
          description={t('alertTypes.form.codeHelp')}
          {...form.text('code')}
          onChange={(e) => form.setAt('code', e.currentTarget.value.toLowerCase())}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
      )}
      {LANGUAGES.map((language) => (
        <TextInput key={language} label={t(`alertTypes.form.name.${language}`)} {...form.text(`names.${language}`)} name={`name-${language}`} lang={language} maxLength={100} />
      ))}
      <Checkbox label={t('alertTypes.form.needsRelatedPrisoner')} description={t('alertTypes.form.needsRelatedPrisonerHelp')} {...form.checkbox('needsRelatedPrisoner')} />
      <Checkbox label={t('alertTypes.form.blocksCellSharing')} description={t('alertTypes.form.blocksCellSharingHelp')} {...form.checkbox('blocksCellSharing')} />
      <MultiSelect
        label={t('alertTypes.form.restrictedTo')}
        description={t('alertTypes.form.restrictedToHelp')}
        placeholder={form.values.restrictedTo.length === 0 ? t('alertTypes.everyone') : undefined}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        {...form.choice('restrictedTo')}
        clearable
        searchable
        data-testid="alert-type-roles"
      />
      {type && <Switch label={t('alertTypes.form.active')} description={t('alertTypes.form.activeHelp')} {...form.checkbox('active')} data-testid="alert-type-active" />}
      <CatalogueChangeFields value={form.values} onChange={({ source, effectiveFrom }) => form.patch({ source, effectiveFrom })} errors={form.errors} />
    </>
  );

  return type ? (
    <FormDialog
      {...common}
      title={t('alertTypes.editTitle', { code: type.code })}
      formKey={type.version}
      schema={UpdateAlertTypeBody}
      toBody={(v) => ({ ...changeOf(v), version: type.version })}
      submit={(body) => alertsApi.updateType(type.code, body)}
    >
      {fields}
    </FormDialog>
  ) : (
    <FormDialog {...common} title={t('alertTypes.add')} schema={CreateAlertTypeBody} toBody={(v) => ({ ...changeOf(v), code: v.code })} submit={alertsApi.createType}>
      {fields}
    </FormDialog>
  );
}
