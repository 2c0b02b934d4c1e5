import { Alert, Button, Card, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ReportIncidentBody, type IncidentType, type PersonKind } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { wallTimeToIso } from '../../i18n/dates.ts';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { facilityKeys, locationsApi } from '../facilities/facilities-api.ts';
import { incidentKeys, incidentsApi } from './incidents-api.ts';
import { emptyPerson, PersonFields, personBody, type PersonValues } from './person-fields.tsx';
import { nameIn, nowInput } from './incident-text.ts';

interface Values extends Record<string, unknown> {
  facilityId: string;
  type: string;
  severity: string;
  occurredAt: string;
  locationIds: string[];
  placeDetail: string;
  summary: string;
  people: PersonValues[];
}

/**
 * Reporting an incident, on a tablet on the wing: what happened, when and where, who was involved
 * and hurt. The notifications the type requires (and those a death or serious injury requires,
 * Mandela Rules 69 and 71) are created with their deadlines when it is saved.
 */
export function ReportIncidentPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const types = useQuery({ queryKey: incidentKeys.types, queryFn: incidentsApi.types });
  const severities = useQuery({ queryKey: incidentKeys.severities, queryFn: incidentsApi.severities });
  const firstFacility = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const zoneOf = (facilityId: string) => session.facilities.find((f) => f.id === facilityId)?.timeZone ?? 'UTC';
  const initial: Values = { facilityId: firstFacility, type: '', severity: '', occurredAt: nowInput(zoneOf(firstFacility)), locationIds: [], placeDetail: '', summary: '', people: [] };
  const sortedTypes = [...(types.data?.items ?? [])].sort((a, b) => nameIn(a.names, i18n.language).localeCompare(nameIn(b.names, i18n.language), i18n.language));

  return (
    <div data-testid="report-incident-page">
      <PageHeader title={t('incidents.reportTitle')} />
      <Text size="sm" mb="md">
        {t('incidents.reportIntro')}
      </Text>
      <ContractForm
        initial={initial}
        schema={ReportIncidentBody}
        toBody={(v) => ({
          facilityId: v.facilityId,
          type: v.type,
          severity: v.severity || undefined,
          occurredAt: v.occurredAt ? wallTimeToIso(v.occurredAt, zoneOf(v.facilityId)) : '',
          locationIds: v.locationIds,
          placeDetail: v.placeDetail,
          summary: v.summary,
          people: v.people.map(personBody),
        })}
        submit={incidentsApi.report}
        onSaved={(incident) => {
          void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
          void navigate({ to: '/incidents/$incidentId', params: { incidentId: incident.id } });
        }}
        onCancel={() => void navigate({ to: '/incidents' })}
        submitLabel={t('incidents.form.submit')}
        testId="incident-form"
      >
        {(form) => {
          const type = sortedTypes.find((x) => x.code === form.values.type);
          const setPeople = (people: PersonValues[]) => form.patch({ people });
          const addPerson = (kind: PersonKind) => setPeople([...form.values.people, emptyPerson(kind)]);
          return (
            <>
              {session.facilities.length > 1 && (
                <Select
                  label={t('incidents.form.facility')}
                  data={session.facilities.map((f) => ({ value: f.id, label: f.name }))}
                  {...form.choice('facilityId')}
                  onChange={(facilityId) => facilityId && form.patch({ facilityId, locationIds: [], people: [] })}
                  allowDeselect={false}
                />
              )}
              <Group grow align="flex-start" wrap="wrap">
                <Select
                  label={t('incidents.form.type')}
                  data={sortedTypes.map((x) => ({ value: x.code, label: nameIn(x.names, i18n.language) }))}
                  {...form.choice('type')}
                  onChange={(code) => form.patch({ type: code ?? '', severity: sortedTypes.find((x) => x.code === code)?.defaultSeverity ?? '' })}
                  searchable
                  miw={240}
                  data-testid="incident-type"
                />
                <Select
                  label={t('incidents.form.severity')}
                  description={t('incidents.form.severityHelp')}
                  data={(severities.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} · ${nameIn(s.names, i18n.language)}` }))}
                  {...form.choice('severity')}
                  required={false}
                  miw={200}
                  data-testid="incident-severity"
                />
              </Group>
              {type && <TypeDuties type={type} />}
              <DateField label={t('incidents.form.occurredAt')} description={t('incidents.form.occurredAtHelp')} withTime {...form.choice('occurredAt')} onChange={(v) => form.setAt('occurredAt', v)} data-testid="incident-occurred" />
              <PlacesField facilityId={form.values.facilityId} value={form.values.locationIds} onChange={(locationIds) => form.patch({ locationIds })} error={form.errors.locationIds} />
              <TextInput label={t('incidents.form.placeDetail')} {...form.text('placeDetail')} maxLength={300} data-testid="incident-place-detail" />
              <Textarea label={t('incidents.form.summary')} description={t('incidents.form.summaryHelp')} {...form.text('summary')} autosize minRows={4} maxLength={4000} data-testid="incident-summary" />
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('incidents.form.people')}
                </Title>
                {form.values.people.map((p, i) => (
                  <Card key={i} withBorder padding="sm" data-testid="incident-person-form">
                    <Group justify="space-between" mb="xs">
                      <Text fw={600} size="sm">
                        {t(`incidents.kind.${p.kind}`)}
                      </Text>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setPeople(form.values.people.filter((_, j) => j !== i))}>
                        {t('incidents.form.remove')}
                      </Button>
                    </Group>
                    <PersonFields index={i} value={p} facilityId={form.values.facilityId} onChange={(v) => setPeople(form.values.people.map((x, j) => (j === i ? v : x)))} errorAt={(field) => form.errors[`people.${i}.${field}`]} />
                  </Card>
                ))}
                <Group gap="xs" wrap="wrap">
                  {(['prisoner', 'staff', 'visitor', 'other'] as const).map((kind) => (
                    <Button key={kind} size="xs" variant="light" onClick={() => addPerson(kind)} data-testid={`incident-add-${kind}`}>
                      {t(`incidents.form.add.${kind}`)}
                    </Button>
                  ))}
                </Group>
              </Stack>
            </>
          );
        }}
      </ContractForm>
    </div>
  );
}

/** What the chosen type requires: whether it is serious and whom to tell by when. */
function TypeDuties({ type }: { type: IncidentType }) {
  const { t } = useTranslation();
  return (
    <Alert color={type.serious ? 'red' : 'blue'} title={type.serious ? t('incidents.form.seriousType') : t('incidents.form.minorType')} data-testid="incident-type-duties">
      {type.notifications.length === 0
        ? t('incidents.form.noDuties')
        : t('incidents.form.duties', { list: type.notifications.map((n) => `${t(`incidents.recipient.${n.recipient}`)} (${n.withinHours === 0 ? t('incidents.immediately') : t('incidents.withinHours', { count: n.withinHours })})`).join('; ') })}
    </Alert>
  );
}

function PlacesField({ facilityId, value, onChange, error }: { facilityId: string; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const places = useQuery({ queryKey: facilityKeys.locations(facilityId), queryFn: () => locationsApi.tree(facilityId, false), enabled: !!facilityId });
  return (
    <MultiSelect
      label={t('incidents.form.places')}
      description={t('incidents.form.placesHelp')}
      data={(places.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.path} · ${l.name}` }))}
      value={value}
      onChange={onChange}
      searchable
      maxValues={10}
      error={error}
      data-testid="incident-places"
    />
  );
}
