import { Fragment, useState } from 'react';
import { Alert, Button, Code, Group, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { describeZone } from '../../i18n/dates.ts';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { auditApi, emptyAuditFilters, type AuditFilters } from './audit-api.ts';
import { AuditFiltersForm } from './audit-filters-form.tsx';
import { AuditRecordLink } from './audit-record-link.tsx';
import { useAuditTimeZone } from './audit-time-zone.ts';

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  // The cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const events = useQuery({ queryKey: ['audit', filters, cursor], queryFn: () => auditApi.events(filters, cursor) });
  const verify = useMutation({ mutationFn: auditApi.verify });
  const timeZone = useAuditTimeZone(filters.facilityId);

  return (
    <div data-testid="audit-page">
      <PageHeader title={t('audit.title')}>
        {can('audit.export') && (
          <Button component="a" href={auditApi.csvUrl(filters)} download variant="default" data-testid="audit-export">
            {t('audit.exportCsv')}
          </Button>
        )}
        <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </PageHeader>
      <ProblemAlert error={verify.error} />
      {verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} variant="outline" mb="md" role="status" data-testid="audit-verify-result">
          {verify.data.ok
            ? t('audit.verifyOk', { n: verify.data.checked })
            : t('audit.verifyBroken', { seq: verify.data.firstBrokenSeq ?? '?', reason: verify.data.reason ?? '', n: verify.data.checked })}
        </Alert>
      )}
      <AuditFiltersForm
        onApply={(f) => {
          setFilters(f);
          setCursors([null]);
        }}
      />
      <QueryState isPending={events.isPending} error={events.error} />
      {events.data && events.data.items.length === 0 && <Text>{t('audit.none')}</Text>}
      {events.data && events.data.items.length > 0 && (
        <>
          <Text size="sm" mb="xs" data-testid="audit-time-zone">
            {describeZone(timeZone, t)}
          </Text>
          <AuditTable events={events.data.items} timeZone={timeZone} />
        </>
      )}
      <Group mt="md" gap="xs">
        <Button variant="default" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('common.previousPage')}
        </Button>
        <Button variant="default" disabled={!events.data?.next} onClick={() => events.data?.next && setCursors((c) => [...c, events.data.next])} data-testid="audit-next">
          {t('common.nextPage')}
        </Button>
      </Group>
    </div>
  );
}

function AuditTable({ events, timeZone }: { events: AuditEvent[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  const facilities = new Map(session.facilities.map((f) => [f.id, f]));
  // Every row on one clock, named above the table, so events of different facilities line up.
  const when = (e: AuditEvent) => formatTimestamp(e.occurredAt, i18n.language, timeZone, 'second');

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.facility')}</Table.Th>
            <Table.Th>{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Fragment key={e.seq}>
              <Table.Tr data-testid="audit-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e)}</Table.Td>
                <Table.Td>
                  {e.actorUsername ?? t('audit.system')}
                  {e.actorRoles.length > 0 && <Text size="xs">{e.actorRoles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}</Text>}
                </Table.Td>
                <Table.Td title={e.action} data-testid="audit-action">
                  {t(`audit.actions.${e.action}`, { defaultValue: t('audit.unknownAction', { code: e.action }) })}
                </Table.Td>
                <Table.Td>
                  <AuditRecordLink event={e} />
                </Table.Td>
                <Table.Td>{e.facilityId ? (facilities.get(e.facilityId)?.code ?? e.facilityId.slice(0, 8)) : '—'}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" onClick={() => setOpen(open === e.seq ? null : e.seq)} aria-expanded={open === e.seq}>
                    {open === e.seq ? t('audit.hide') : t('audit.show')}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {open === e.seq && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm">{t('audit.meta', { seq: e.seq, requestId: e.requestId ?? '—', ip: e.clientIp ?? '—' })}</Text>
                    <Group align="flex-start" grow>
                      <div>
                        <Text size="sm" fw={600}>
                          {t('audit.before')}
                        </Text>
                        <Code block>{JSON.stringify(e.before, null, 2)}</Code>
                      </div>
                      <div>
                        <Text size="sm" fw={600}>
                          {t('audit.after')}
                        </Text>
                        <Code block>{JSON.stringify(e.after, null, 2)}</Code>
                      </div>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
