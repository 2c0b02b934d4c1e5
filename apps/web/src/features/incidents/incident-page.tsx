import { useState } from 'react';
import { Alert, Button, Group, List, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Incident, type IncidentStatus } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { IncidentStatusBadge, OverdueBadge, SeriousBadge } from './incident-badges.tsx';
import { DecisionLog } from './incident-log.tsx';
import { NotificationsPanel } from './incident-notifications.tsx';
import { LinksPanel, PeoplePanel } from './incident-people.tsx';
import { DebriefPanel, ReviewPanel } from './incident-review.tsx';
import { nameIn, staffName } from './incident-text.ts';
import { incidentKeys, incidentsApi } from './incidents-api.ts';
import { useIncidentSaved } from './use-incident-saved.ts';

/**
 * One incident: what happened, who was involved, the decision log, the notifications it requires
 * (overdue ones marked), the supervisor's review and the debrief with its actions.
 */
export function IncidentPage() {
  const { incidentId } = useParams({ from: '/incidents/$incidentId' });
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const can = useCan();
  const [tab, setTab] = useState<string | null>('summary');
  const query = useQuery({ queryKey: incidentKeys.one(incidentId), queryFn: () => incidentsApi.one(incidentId) });
  const incident = query.data;
  if (!incident) return <QueryState isPending={query.isPending} error={query.error} />;
  const zone = session.facilities.find((f) => f.id === incident.facilityId)?.timeZone ?? 'UTC';
  const at = (iso: string | null) => formatTimestamp(iso, i18n.language, zone);
  const manage = can('incidents.manage') && incident.status !== 'closed';

  return (
    <div data-testid="incident-page" data-reference={incident.reference}>
      <PageHeader title={`${incident.reference} · ${nameIn(incident.type.names, i18n.language)}`}>
        <AnchorLink to="/incidents">{t('incidents.backToList')}</AnchorLink>
      </PageHeader>
      <Group gap="xs" mb="md" wrap="wrap">
        <IncidentStatusBadge status={incident.status} />
        <SeriousBadge serious={incident.serious} />
        <Text size="sm">{t('incidents.severityLevel', { level: incident.severity })}</Text>
        {incident.notificationsOverdue > 0 && <OverdueBadge label={t('incidents.overdueCount', { count: incident.notificationsOverdue })} />}
      </Group>
      {manage && <StatusActions incident={incident} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="summary" data-testid="incident-tab-summary">{t('incidents.tabs.summary')}</Tabs.Tab>
          <Tabs.Tab value="people" data-testid="incident-tab-people">{t('incidents.tabs.people', { count: incident.peopleInvolved.length })}</Tabs.Tab>
          <Tabs.Tab value="log" data-testid="incident-tab-log">{t('incidents.tabs.log', { count: incident.decisions.length })}</Tabs.Tab>
          <Tabs.Tab value="notifications" data-testid="incident-tab-notifications">{t('incidents.tabs.notifications', { count: incident.notificationsOutstanding })}</Tabs.Tab>
          <Tabs.Tab value="review" data-testid="incident-tab-review">{t('incidents.tabs.review')}</Tabs.Tab>
          <Tabs.Tab value="debrief" data-testid="incident-tab-debrief">{t('incidents.tabs.debrief')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="summary">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Fact label={t('incidents.fields.facility')} value={incident.facilityName} />
              <Fact label={t('incidents.fields.places')} value={incident.places.length ? incident.places.map((p) => `${p.path} · ${p.name}`).join('; ') : '—'} />
              <Fact label={t('incidents.fields.placeDetail')} value={incident.placeDetail ?? '—'} />
              <Fact label={t('incidents.fields.reportedBy')} value={staffName(incident.reportedBy)} />
              <Fact label={t('incidents.fields.occurredAt')} value={at(incident.occurredAt)} />
              <Fact label={t('incidents.fields.reportedAt')} value={at(incident.reportedAt)} />
              <Fact label={t('incidents.fields.containedAt')} value={at(incident.containedAt)} />
              <Fact label={t('incidents.fields.resolvedAt')} value={at(incident.resolvedAt)} />
              <Fact label={t('incidents.fields.closedAt')} value={at(incident.closedAt)} />
            </SimpleGrid>
            <div>
              <Text size="sm" fw={600}>
                {t('incidents.fields.summary')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="incident-summary-text">
                {incident.summary}
              </Text>
            </div>
            <LinksPanel incident={incident} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="people">
          <PeoplePanel incident={incident} />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <DecisionLog incident={incident} zone={zone} />
        </Tabs.Panel>
        <Tabs.Panel value="notifications">
          <NotificationsPanel incident={incident} zone={zone} />
        </Tabs.Panel>
        <Tabs.Panel value="review">
          <ReviewPanel incident={incident} zone={zone} />
        </Tabs.Panel>
        <Tabs.Panel value="debrief">
          <DebriefPanel incident={incident} />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

const NEXT: Record<IncidentStatus, IncidentStatus[]> = { reported: ['contained', 'resolved'], contained: ['resolved'], resolved: ['closed'], closed: [] };

/** The next steps of the incident's status; closing names what it still needs. */
function StatusActions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const saved = useIncidentSaved();
  const move = useMutation({ mutationFn: (status: IncidentStatus) => incidentsApi.status(incident.id, { status, version: incident.version }), onSuccess: saved });
  const blockers = incident.closeBlockers.filter((b) => b !== 'not-resolved');
  return (
    <Stack gap="xs" mb="md">
      <Group gap="xs">
        {NEXT[incident.status].map((s) => (
          <Button key={s} size="sm" variant={s === 'closed' ? 'filled' : 'light'} onClick={() => move.mutate(s)} loading={move.isPending && move.variables === s} disabled={s === 'closed' && blockers.length > 0} data-testid={`incident-move-${s}`}>
            {t(`incidents.move.${s}`)}
          </Button>
        ))}
      </Group>
      {incident.status === 'resolved' && blockers.length > 0 && (
        <Alert color="yellow" title={t('incidents.closeBlocked')} data-testid="incident-close-blockers">
          <List size="sm">
            {blockers.map((b) => (
              <List.Item key={b}>{t(`incidents.blocker.${b}`)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {move.error && <ProblemAlert error={move.error} onReload={() => move.reset()} />}
    </Stack>
  );
}
