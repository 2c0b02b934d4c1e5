import { Button, Checkbox, Group, MultiSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AlertCode, CreateAlertTypeBody, LANGUAGES, ROLES, UpdateAlertTypeBody, type AlertType, type Language, type Role } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { CatalogueChangeFields, emptyCatalogueChange } from '../../ui/catalogue/catalogue-change-fields.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { alertKeys, alertsApi } from './alerts-api.ts';

const fromType = (a?: AlertType) => ({
  code: a?.code ?? '',
  en: a?.names.en ?? '',
  ru: a?.names.ru ?? '',
  tg: a?.names.tg ?? '',
  needsRelatedPrisoner: a?.needsRelatedPrisoner ?? false,
  blocksCellSharing: a?.blocksCellSharing ?? false,
  restrictedTo: (a?.restrictedTo ?? []) as Role[],
  active: a?.active ?? true,
  change: emptyCatalogueChange(),
});

/**
 * Adds an alert code or edits one. The code itself never changes once saved (raised alerts keep
 * it); everything else is sent whole, so switching "active" off here is how a code is retired.
 * Each save is a new version of the code, from its effective date, with the source it follows.
 */
export function AlertTypeForm({ type, onDone, onCancel }: { type?: AlertType; onDone: (saved: AlertType) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(fromType(type));
  const v = form.values;

  const save = useMutation({
    mutationFn: async () => {
      const fields = {
        names: { en: v.en, ru: v.ru, tg: v.tg },
        needsRelatedPrisoner: v.needsRelatedPrisoner,
        blocksCellSharing: v.blocksCellSharing,
        restrictedTo: v.restrictedTo,
        active: v.active,
        source: v.change.source,
        effectiveFrom: v.change.effectiveFrom || undefined,
      };
      if (type) {
        const body = form.check(UpdateAlertTypeBody, { ...fields, version: type.version }, t);
        return body ? alertsApi.updateType(type.code, body) : null;
      }
      const body = form.check(CreateAlertTypeBody, { code: v.code, ...fields }, t);
      return body ? alertsApi.createType(body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      void queryClient.invalidateQueries({ queryKey: alertKeys.types });
      onDone(saved);
    },
  });

  const errors: Record<string, string> = { ...serverFieldErrors(save.error, t), ...form.errors };
  // The contract's own message for a badly formed code is more helpful than "not valid".
  if (errors.code && AlertCode.safeParse(v.code).error?.issues.some((i) => i.message === 'alert-code-format')) errors.code = t('alertTypes.form.codeFormat');
  if (save.error instanceof ApiProblem && save.error.code === 'duplicate-code') errors.code = t('alertTypes.form.codeTaken');

  const name = (language: Language) => (
    <TextInput
      key={language}
      label={t(`alertTypes.form.name.${language}`)}
      name={`name-${language}`}
      lang={language}
      value={v[language]}
      onChange={(e) => form.set(language, e.currentTarget.value)}
      error={errors[`names.${language}`]}
      required
      maxLength={100}
    />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="alert-type-form"
    >
      <Stack>
        {type ? (
          <Text size="sm">
            {t('alertTypes.form.code')}: <code data-testid="alert-type-form-code">{type.code}</code>
          </Text>
        ) : (
          <TextInput
            label={t('alertTypes.form.code')}
            description={t('alertTypes.form.codeHelp')}
            name="code"
            value={v.code}
            onChange={(e) => {
              form.set('code', e.currentTarget.value.toLowerCase());
              // "Already exists" was about the code as it was; a new one has not been tried yet.
              if (save.error) save.reset();
            }}
            error={errors.code}
            required
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
        )}
        {LANGUAGES.map(name)}
        <Checkbox
          label={t('alertTypes.form.needsRelatedPrisoner')}
          description={t('alertTypes.form.needsRelatedPrisonerHelp')}
          name="needsRelatedPrisoner"
          checked={v.needsRelatedPrisoner}
          onChange={(e) => form.set('needsRelatedPrisoner', e.currentTarget.checked)}
        />
        <Checkbox
          label={t('alertTypes.form.blocksCellSharing')}
          description={t('alertTypes.form.blocksCellSharingHelp')}
          name="blocksCellSharing"
          checked={v.blocksCellSharing}
          onChange={(e) => form.set('blocksCellSharing', e.currentTarget.checked)}
        />
        <MultiSelect
          label={t('alertTypes.form.restrictedTo')}
          description={t('alertTypes.form.restrictedToHelp')}
          placeholder={v.restrictedTo.length === 0 ? t('alertTypes.everyone') : undefined}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={v.restrictedTo}
          onChange={(roles) => form.set('restrictedTo', roles as Role[])}
          error={errors.restrictedTo}
          clearable
          searchable
          data-testid="alert-type-roles"
        />
        {type && (
          <Switch
            label={t('alertTypes.form.active')}
            description={t('alertTypes.form.activeHelp')}
            name="active"
            checked={v.active}
            onChange={(e) => form.set('active', e.currentTarget.checked)}
            data-testid="alert-type-active"
          />
        )}
        <CatalogueChangeFields value={v.change} onChange={(change) => form.set('change', change)} errors={errors} />
        <ProblemAlert error={save.error} onReload={() => void queryClient.invalidateQueries({ queryKey: alertKeys.types })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="alert-type-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
