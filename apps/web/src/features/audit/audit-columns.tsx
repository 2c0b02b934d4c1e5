import { Button, Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { AuditRecordLink, auditRecordText } from './audit-record-link.tsx';

/**
 * The audit table's columns. Every row is on one clock (`timeZone`, named above the table), so
 * events of different facilities line up; `open` is the event whose before and after are shown.
 */
export function useAuditColumns({ timeZone, open, onToggle }: { timeZone: string; open: string | null; onToggle: (seq: string) => void }): DataColumn<AuditEvent>[] {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const facilities = new Map(session.facilities.map((f) => [f.id, f]));
  const when = (e: AuditEvent) => formatTimestamp(e.occurredAt, i18n.language, timeZone, 'second');
  const roles = (e: AuditEvent) => e.actorRoles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ');
  const actor = (e: AuditEvent) => e.actorUsername ?? t('audit.system');
  const action = (e: AuditEvent) => t(`audit.actions.${e.action}`, { defaultValue: t('audit.unknownAction', { code: e.action }) });
  // A facility outside the reader's own is named as such (its id says nothing to a reader).
  const facility = (e: AuditEvent) => (e.facilityId ? (facilities.get(e.facilityId)?.code ?? t('audit.otherFacility')) : '—');
  return [
    { key: 'time', header: 'audit.time', nowrap: true, exportValue: when, cell: when },
    {
      key: 'actor',
      header: 'audit.actor',
      exportValue: (e) => (e.actorRoles.length ? `${actor(e)} (${roles(e)})` : actor(e)),
      cell: (e) => (
        <>
          {actor(e)}
          {e.actorRoles.length > 0 && <Text size="xs">{roles(e)}</Text>}
        </>
      ),
    },
    {
      key: 'action',
      header: 'audit.action',
      exportValue: action,
      cell: (e) => (
        <span title={e.action} data-testid="audit-action">
          {action(e)}
        </span>
      ),
    },
    { key: 'entity', header: 'audit.entity', exportValue: (e) => auditRecordText(e, t), cell: (e) => <AuditRecordLink event={e} /> },
    { key: 'facility', header: 'audit.facility', exportValue: facility, cell: facility },
    {
      key: 'details',
      header: 'audit.details',
      cell: (e) => (
        <Button size="compact-xs" variant="default" onClick={() => onToggle(e.seq)} aria-expanded={open === e.seq}>
          {open === e.seq ? t('audit.hide') : t('audit.show')}
        </Button>
      ),
    },
  ];
}

/** A record as the trail holds it; nothing (a creation has no "before") as a dash, not "null". */
const asWritten = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

/** The event as recorded: where it came from, and the record before and after. */
export function AuditEventDetails({ event: e }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{t('audit.meta', { seq: e.seq, requestId: e.requestId ?? '—', ip: e.clientIp ?? '—' })}</Text>
      <Group align="flex-start" grow>
        <div>
          <Text size="sm" fw={600}>
            {t('audit.before')}
          </Text>
          <Code block>{asWritten(e.before)}</Code>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('audit.after')}
          </Text>
          <Code block>{asWritten(e.after)}</Code>
        </div>
      </Group>
    </>
  );
}
