import { useState } from 'react';
import { Button, Card, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AddLinkBody, INCIDENT_LINK_KINDS, PersonBody, type Incident, type IncidentPerson, type PersonKind } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { personName } from './incident-text.ts';
import { incidentsApi } from './incidents-api.ts';
import { emptyPerson, PersonFields, personBody } from './person-fields.tsx';
import { useIncidentSaved } from './use-incident-saved.ts';

/** Everyone involved, with their role and any injury; someone found later is added here. */
export function PeoplePanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState<PersonKind | null>(null);
  const columns: DataColumn<IncidentPerson>[] = [
    {
      key: 'who',
      header: 'incidents.people.who',
      rowHeader: true,
      sortValue: personName,
      cell: (p) =>
        p.prisoner ? (
          <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: p.prisoner.id }}>
            {personName(p)}
          </AnchorLink>
        ) : (
          personName(p)
        ),
    },
    { key: 'kind', header: 'incidents.people.kind', sortValue: (p) => t(`incidents.kind.${p.kind}`), cell: (p) => t(`incidents.kind.${p.kind}`) },
    { key: 'role', header: 'incidents.people.role', sortValue: (p) => t(`incidents.role.${p.role}`), cell: (p) => t(`incidents.role.${p.role}`) },
    {
      key: 'injury',
      header: 'incidents.people.injury',
      sortValue: (p) => ['fatal', 'serious', 'minor', 'none'].indexOf(p.injury),
      exportValue: (p) => [t(`incidents.injury.${p.injury}`), p.injuryNotes].filter(Boolean).join(': '),
      cell: (p) => (
        <Stack gap={0}>
          <Text size="sm" fw={p.injury === 'serious' || p.injury === 'fatal' ? 700 : undefined} c={p.injury === 'serious' || p.injury === 'fatal' ? 'red.9' : undefined}>
            {t(`incidents.injury.${p.injury}`)}
          </Text>
          {p.injuryNotes && <Text size="xs">{p.injuryNotes}</Text>}
        </Stack>
      ),
    },
  ];
  return (
    <Stack gap="md">
      <DataTable columns={columns} rows={incident.peopleInvolved} rowKey={(p) => p.id} label={t('incidents.people.title')} empty={t('incidents.people.none')} minWidth={640} testId="people-table" rowTestId="person-row" />
      {can('incidents.manage') && incident.status !== 'closed' && (
        <Group gap="xs" wrap="wrap">
          {(['prisoner', 'staff', 'visitor', 'other'] as const).map((kind) => (
            <Button key={kind} size="xs" variant="light" onClick={() => setAdding(kind)} data-testid={`person-add-${kind}`}>
              {t(`incidents.form.add.${kind}`)}
            </Button>
          ))}
        </Group>
      )}
      <AddPersonDialog incident={incident} kind={adding} onClose={() => setAdding(null)} />
    </Stack>
  );
}

function AddPersonDialog({ incident, kind, onClose }: { incident: Incident; kind: PersonKind | null; onClose: () => void }) {
  const { t } = useTranslation();
  const saved = useIncidentSaved();
  return (
    <FormDialog
      opened={kind !== null}
      onClose={onClose}
      title={kind ? t(`incidents.form.add.${kind}`) : ''}
      formKey={kind ?? undefined}
      initial={{ person: emptyPerson(kind ?? 'other') }}
      schema={PersonBody}
      toBody={(v) => personBody(v.person)}
      submit={(body) => incidentsApi.addPerson(incident.id, body)}
      onSaved={(i) => {
        saved(i);
        onClose();
      }}
      testId="person-form"
    >
      {(form) => <PersonFields index={0} value={form.values.person} facilityId={incident.facilityId} onChange={(person) => form.patch({ person })} errorAt={(field) => form.errors[field]} />}
    </FormDialog>
  );
}

/**
 * Records of other modules linked to the incident: searches, alarms, intelligence reports,
 * cameras and use-of-force reports, by kind, their id there and a label.
 */
export function LinksPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const can = useCan();
  const saved = useIncidentSaved();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('incidents.links.title')}
      </Title>
      {incident.links.length === 0 ? (
        <Text size="sm">{t('incidents.links.none')}</Text>
      ) : (
        <List size="sm" data-testid="incident-links">
          {incident.links.map((l) => (
            <List.Item key={l.id}>
              {l.kind === 'force-report' ? (
                // A use-of-force report joins by itself when it is submitted for this incident.
                <AnchorLink to="/force/$reportId" params={{ reportId: l.targetId }}>
                  {t(`incidents.linkKind.${l.kind}`)}
                </AnchorLink>
              ) : (
                <>
                  {t(`incidents.linkKind.${l.kind}`)}: {l.label}
                </>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {can('force.report') && incident.status !== 'closed' && (
        <Group>
          <AnchorLink to="/report-use-of-force" search={{ incident: incident.id }} size="sm" data-testid="incident-report-force">
            {t('incidents.links.reportForce')}
          </AnchorLink>
        </Group>
      )}
      {can('incidents.manage') && incident.status !== 'closed' && (
        <Card withBorder padding="sm">
          <ContractForm
            key={incident.links.length}
            initial={{ kind: 'search', targetId: '', label: '' }}
            schema={AddLinkBody}
            submit={(body) => incidentsApi.addLink(incident.id, body)}
            onSaved={saved}
            submitLabel={t('incidents.links.add')}
            testId="link-form"
          >
            {(form) => (
              <Group grow align="flex-start" wrap="wrap">
                <Select label={t('incidents.links.kind')} data={INCIDENT_LINK_KINDS.map((k) => ({ value: k, label: t(`incidents.linkKind.${k}`) }))} {...form.choice('kind')} allowDeselect={false} miw={180} />
                <TextInput label={t('incidents.links.targetId')} description={t('incidents.links.targetIdHelp')} {...form.text('targetId')} maxLength={100} miw={180} />
                <TextInput label={t('incidents.links.label')} {...form.text('label')} maxLength={200} miw={180} />
              </Group>
            )}
          </ContractForm>
        </Card>
      )}
    </Stack>
  );
}
