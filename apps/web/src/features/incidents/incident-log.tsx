import { Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AddDecisionBody, type Incident, type IncidentDecision } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { wallTimeToIso } from '../../i18n/dates.ts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useIncidentSaved } from './use-incident-saved.ts';
import { staffName } from './incident-text.ts';
import { incidentsApi } from './incidents-api.ts';

/** The time-stamped decision log: who decided what, when and why. It only grows. */
export function DecisionLog({ incident, zone }: { incident: Incident; zone: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const saved = useIncidentSaved();
  const columns: DataColumn<IncidentDecision>[] = [
    { key: 'at', header: 'incidents.log.at', rowHeader: true, sortValue: (d) => d.decidedAt, exportValue: (d) => formatTimestamp(d.decidedAt, i18n.language, zone), cell: (d) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(d.decidedAt, i18n.language, zone)}</Text> },
    { key: 'by', header: 'incidents.log.by', sortValue: (d) => staffName(d.decidedBy), cell: (d) => staffName(d.decidedBy) },
    { key: 'decision', header: 'incidents.log.decision', sortValue: (d) => d.decision, cell: (d) => <Text size="sm" data-testid="decision-text">{d.decision}</Text> },
    { key: 'rationale', header: 'incidents.log.rationale', sortValue: (d) => d.rationale, cell: (d) => d.rationale },
  ];
  return (
    <Stack gap="md">
      <DataTable columns={columns} rows={incident.decisions} rowKey={(d) => d.id} label={t('incidents.log.title')} empty={t('incidents.log.none')} exportName={`${incident.reference}-decisions`} minWidth={720} testId="decision-log" rowTestId="decision-row" />
      {can('incidents.manage') && incident.status !== 'closed' && (
        <Card withBorder padding="md">
          <Title order={3} size="h5" mb="xs">
            {t('incidents.log.add')}
          </Title>
          <ContractForm
            key={incident.decisions.length}
            initial={{ decision: '', rationale: '', decidedAt: '' }}
            schema={AddDecisionBody}
            toBody={(v) => ({ decision: v.decision, rationale: v.rationale, decidedAt: v.decidedAt ? wallTimeToIso(v.decidedAt, zone) : undefined })}
            submit={(body) => incidentsApi.addDecision(incident.id, body)}
            onSaved={saved}
            submitLabel={t('incidents.log.save')}
            testId="decision-form"
          >
            {(form) => (
              <>
                <Textarea label={t('incidents.log.decision')} {...form.text('decision')} autosize minRows={2} maxLength={2000} data-testid="decision-decision" />
                <Textarea label={t('incidents.log.rationale')} description={t('incidents.log.rationaleHelp')} {...form.text('rationale')} autosize minRows={2} maxLength={2000} data-testid="decision-rationale" />
                <DateField label={t('incidents.log.at')} description={t('incidents.log.atHelp')} withTime {...form.choice('decidedAt')} onChange={(v) => form.setAt('decidedAt', v)} required={false} />
              </>
            )}
          </ContractForm>
        </Card>
      )}
    </Stack>
  );
}
