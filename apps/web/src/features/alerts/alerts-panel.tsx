import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Prisoner, PrisonerAlert } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { AlertBadge } from './alert-badge.tsx';
import { alertKeys, alertName, alertsApi, useAlertTypes } from './alerts-api.ts';
import { EndAlertDialog } from './end-alert-dialog.tsx';
import { RaiseAlertDialog } from './raise-alert-form.tsx';

const STATUS_COLOURS = { active: '#2b6e2b', upcoming: 'blue.9', ended: 'gray.7', expired: 'gray.7' } as const;

/** A prisoner's alerts: those in force as coloured badges, then every alert with its history; raise and end. */
export function AlertsPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const can = useCan();
  const types = useAlertTypes();
  const alerts = useQuery({ queryKey: alertKeys.ofPrisoner(prisoner.id), queryFn: () => alertsApi.ofPrisoner(prisoner.id) });
  const [raising, setRaising] = useState(false);
  const [ending, setEnding] = useState<PrisonerAlert | null>(null);
  const items = alerts.data?.items ?? [];
  const inForce = items.filter((a) => a.status === 'active');
  const mayManage = can('alerts.manage') && prisoner.state !== 'released';

  return (
    <Stack data-testid="alerts-panel">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('alerts.inForce')}
        </Title>
        {mayManage && (
          <Button onClick={() => setRaising(true)} data-testid="raise-alert">
            {t('alerts.raise')}
          </Button>
        )}
      </Group>
      <QueryState isPending={alerts.isPending} error={alerts.error} />
      {alerts.data && (
        <Group gap="xs" data-testid="active-alerts">
          {inForce.length === 0 ? <Text>{t('alerts.noneInForce')}</Text> : inForce.map((a) => <AlertBadge key={a.id} code={a.code} type={types.byCode.get(a.code)} />)}
        </Group>
      )}
      {items.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('alerts.allAlerts')}
          </Title>
          <AlertsTable items={items} onEnd={mayManage ? setEnding : null} />
        </>
      )}

      <RaiseAlertDialog prisoner={prisoner} opened={raising} onClose={() => setRaising(false)} />
      {ending && <EndAlertDialog alert={ending} onClose={() => setEnding(null)} />}
    </Stack>
  );
}

function AlertsTable({ items, onEnd }: { items: PrisonerAlert[]; onEnd: ((a: PrisonerAlert) => void) | null }) {
  const { t, i18n } = useTranslation();
  const types = useAlertTypes();
  const date = (d: string | null) => formatDate(d, i18n.language);
  const name = (a: PrisonerAlert) => alertName(types.byCode.get(a.code), a.code, i18n.language);
  const status = (a: PrisonerAlert) => t(`alerts.status.${a.status}`);
  const dates = (a: PrisonerAlert) => t('alerts.fromTo', { from: date(a.startsOn), to: a.endsOn ? date(a.endsOn) : t('alerts.noEnd') });
  const current = (a: PrisonerAlert) => a.status === 'active' || a.status === 'upcoming';
  const columns: DataColumn<PrisonerAlert>[] = [
    { key: 'alert', header: 'alerts.columns.alert', sortValue: name, cell: (a) => <AlertBadge code={a.code} type={types.byCode.get(a.code)} muted={!current(a)} /> },
    {
      key: 'status',
      header: 'alerts.columns.status',
      sortValue: status,
      cell: (a) => (
        <Badge color={STATUS_COLOURS[a.status]} variant="filled" styles={{ label: { overflow: 'visible' } }}>
          {status(a)}
        </Badge>
      ),
    },
    { key: 'dates', header: 'alerts.columns.dates', nowrap: true, sortValue: (a) => a.startsOn, exportValue: dates, cell: dates },
    {
      key: 'details',
      header: 'alerts.columns.details',
      exportValue: (a) => [a.comment, a.endReason && t('alerts.endReason', { reason: a.endReason })].filter(Boolean).join('; '),
      cell: (a) => (
        <>
          {a.relatedPrisoner && <RelatedPrisoner related={a.relatedPrisoner} />}
          {a.comment && <Text size="sm">{a.comment}</Text>}
          {a.endReason && <Text size="sm">{t('alerts.endReason', { reason: a.endReason })}</Text>}
        </>
      ),
    },
    {
      key: 'who',
      header: 'alerts.columns.who',
      exportValue: (a) => [t('alerts.raisedBy', { name: a.raisedBy }), a.endedBy && t('alerts.endedBy', { name: a.endedBy })].filter(Boolean).join('; '),
      cell: (a) => (
        <>
          <Text size="sm">{t('alerts.raisedBy', { name: a.raisedBy })}</Text>
          {a.endedBy && <Text size="sm">{t('alerts.endedBy', { name: a.endedBy })}</Text>}
        </>
      ),
    },
    ...(onEnd
      ? [
          {
            key: 'actions',
            header: 'alerts.columns.actions',
            cell: (a: PrisonerAlert) =>
              current(a) && (
                <Button size="xs" variant="outline" color="red.9" onClick={() => onEnd(a)} data-testid={`end-alert-${a.code}`}>
                  {t('alerts.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(a) => a.id}
      label={t('alerts.allAlerts')}
      exportName="alerts"
      minWidth={720}
      testId="alerts-table"
      rowTestId="alert-row"
      rowData={(a) => ({ 'data-code': a.code, 'data-status': a.status })}
    />
  );
}

function RelatedPrisoner({ related }: { related: NonNullable<PrisonerAlert['relatedPrisoner']> }) {
  const { t } = useTranslation();
  if (!related.visible) return <Text size="sm">{t('alerts.relatedHidden')}</Text>;
  return (
    <Text size="sm">
      {t('alerts.relatedLabel')}{' '}
      <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: related.id }} data-testid="related-prisoner-link">
        {`${related.familyName} ${related.givenName} (${related.prisonNumber})`}
      </AnchorLink>
    </Text>
  );
}
