import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateIncidentTypeBody, LANGUAGES, NOTIFICATION_RECIPIENTS, UpdateIncidentTypeBody, type IncidentType, type NotificationRecipient } from '@vigil/contracts';
import { CatalogueChangeFields, emptyCatalogueChange } from '../../ui/catalogue/catalogue-change-fields.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { FormBinder } from '../../ui/use-form.ts';
import { incidentKeys, incidentsApi } from './incidents-api.ts';
import { nameIn } from './incident-text.ts';

type Duty = { on: boolean; hours: number };

const fromType = (x?: IncidentType | null) => ({
  code: x?.code ?? '',
  names: { en: x?.names.en ?? '', ru: x?.names.ru ?? '', tg: x?.names.tg ?? '' },
  serious: x?.serious ?? false,
  defaultSeverity: x?.defaultSeverity ?? '3',
  duties: Object.fromEntries(NOTIFICATION_RECIPIENTS.map((r) => {
    const n = x?.notifications.find((d) => d.recipient === r);
    return [r, { on: !!n, hours: n?.withinHours ?? 24 }];
  })) as Record<NotificationRecipient, Duty>,
  active: x?.active ?? true,
  ...emptyCatalogueChange(),
});
type Values = ReturnType<typeof fromType>;

/** The body of a change: the duties ticked, with their hours; an empty effective date means today. */
const changeOf = ({ code: _code, duties, effectiveFrom, ...rest }: Values) => ({
  ...rest,
  notifications: NOTIFICATION_RECIPIENTS.filter((r) => duties[r].on).map((r) => ({ recipient: r, withinHours: duties[r].hours })),
  effectiveFrom: effectiveFrom || undefined,
});

/**
 * Adds an incident type (no `type`) or changes one: its names, whether it is serious (a debrief is
 * required, and the risk module reassesses those involved), its default severity and whom it
 * requires to be told within how many hours. Each save is a new version from its effective date.
 */
export function IncidentTypeDialog({ opened, type, onClose }: { opened: boolean; type?: IncidentType | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const severities = useQuery({ queryKey: incidentKeys.severities, queryFn: incidentsApi.severities });
  const refresh = () => queryClient.invalidateQueries({ queryKey: incidentKeys.types });
  const common = {
    opened,
    onClose,
    size: 'xl',
    initial: fromType(type),
    onSaved: () => {
      void refresh();
      onClose();
    },
    onReload: () => void refresh(),
    testId: 'incident-type-form',
    problemFields: { 'duplicate-code': { field: 'code', message: t('incidentTypes.form.codeTaken') }, 'catalogue-effective-date': { field: 'effectiveFrom' } },
  };
  const fields = (form: FormBinder<Values>) => (
    <>
      {type ? (
        <Text size="sm">
          {t('incidentTypes.form.code')}: <code>{type.code}</code>
        </Text>
      ) : (
        <TextInput label={t('incidentTypes.form.code')} description={t('incidentTypes.form.codeHelp')} {...form.text('code')} onChange={(e) => form.setAt('code', e.currentTarget.value.toLowerCase())} maxLength={40} autoComplete="off" spellCheck={false} data-autofocus />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {LANGUAGES.map((language) => (
          <TextInput key={language} label={t(`incidentTypes.form.name.${language}`)} {...form.text(`names.${language}`)} name={`name-${language}`} lang={language} maxLength={100} />
        ))}
      </SimpleGrid>
      <Group grow align="flex-start" wrap="wrap">
        <Select label={t('incidentTypes.form.severity')} data={(severities.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} · ${nameIn(s.names, i18n.language)}` }))} {...form.choice('defaultSeverity')} allowDeselect={false} />
        <Switch mt="lg" label={t('incidentTypes.form.serious')} description={t('incidentTypes.form.seriousHelp')} {...form.checkbox('serious')} />
      </Group>
      <Stack gap={6} data-testid="incident-type-duties">
        <Text size="sm" fw={500}>
          {t('incidentTypes.form.duties')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('incidentTypes.form.dutiesHelp')}
        </Text>
        {NOTIFICATION_RECIPIENTS.map((r) => (
          <Group key={r} gap="sm" wrap="nowrap">
            <Checkbox label={t(`incidents.recipient.${r}`)} checked={form.values.duties[r].on} onChange={(e) => form.setAt(`duties.${r}.on`, e.currentTarget.checked)} w={260} />
            {form.values.duties[r].on && (
              <NumberInput aria-label={t('incidentTypes.form.hoursFor', { recipient: t(`incidents.recipient.${r}`) })} value={form.values.duties[r].hours} onChange={(v) => form.setAt(`duties.${r}.hours`, typeof v === 'number' ? v : 0)} min={0} max={720} step={1} w={110} suffix={` ${t('incidentTypes.form.hours')}`} />
            )}
          </Group>
        ))}
      </Stack>
      {type && <Switch label={t('incidentTypes.form.active')} description={t('incidentTypes.form.activeHelp')} {...form.checkbox('active')} />}
      <CatalogueChangeFields value={form.values} onChange={({ source, effectiveFrom }) => form.patch({ source, effectiveFrom })} errors={form.errors} />
    </>
  );

  return type ? (
    <FormDialog {...common} title={t('incidentTypes.editTitle', { name: nameIn(type.names, i18n.language) })} formKey={type.version} schema={UpdateIncidentTypeBody} toBody={(v) => ({ ...changeOf(v), version: type.version })} submit={(body) => incidentsApi.updateType(type.code, body)}>
      {fields}
    </FormDialog>
  ) : (
    <FormDialog {...common} title={t('incidentTypes.add')} schema={CreateIncidentTypeBody} toBody={(v) => ({ ...changeOf(v), code: v.code })} submit={incidentsApi.createType}>
      {fields}
    </FormDialog>
  );
}
