import { useState } from 'react';
import { Button, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CompleteNotificationBody, NOTIFICATION_METHODS, type Incident, type IncidentNotification } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { wallTimeToIso } from '../../i18n/dates.ts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { OverdueBadge } from './incident-badges.tsx';
import { useIncidentSaved } from './use-incident-saved.ts';
import { nowInput, staffName } from './incident-text.ts';
import { incidentsApi } from './incidents-api.ts';

/**
 * The notifications the incident requires, each with its deadline (Mandela Rule 71: the independent
 * authority without delay; Rule 69: the next of kin), tracked until someone records whom they told,
 * when, how and the reference. Past their deadline and not done: marked overdue.
 */
export function NotificationsPanel({ incident, zone }: { incident: Incident; zone: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [marking, setMarking] = useState<IncidentNotification | null>(null);
  const at = (iso: string | null) => formatTimestamp(iso, i18n.language, zone);
  const columns: DataColumn<IncidentNotification>[] = [
    {
      key: 'recipient',
      header: 'incidents.notifications.recipient',
      rowHeader: true,
      sortValue: (n) => t(`incidents.recipient.${n.recipient}`),
      cell: (n) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t(`incidents.recipient.${n.recipient}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`incidents.basis.${n.basis}`, { defaultValue: t('incidents.basis.type') })}
          </Text>
        </Stack>
      ),
    },
    { key: 'due', header: 'incidents.notifications.due', sortValue: (n) => n.dueAt, exportValue: (n) => at(n.dueAt), cell: (n) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{at(n.dueAt)}</Text> },
    {
      key: 'state',
      header: 'incidents.notifications.state',
      sortValue: (n) => (n.done ? 2 : n.overdue ? 0 : 1),
      exportValue: (n) => (n.done ? t('incidents.notifications.done') : n.overdue ? t('incidents.overdue') : t('incidents.notifications.pending')),
      cell: (n) =>
        n.done ? (
          <Stack gap={0}>
            <Text size="sm" data-testid="notification-done">
              {t('incidents.notifications.doneAt', { at: at(n.notifiedAt), method: n.method ? t(`incidents.method.${n.method}`) : '' })}
            </Text>
            <Text size="xs" c="dimmed">
              {[n.contact, n.reference, staffName(n.recordedBy)].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        ) : n.overdue ? (
          <OverdueBadge />
        ) : (
          <Text size="sm">{t('incidents.notifications.pending')}</Text>
        ),
    },
    {
      key: 'actions',
      header: 'incidents.columns.actions',
      headerHidden: true,
      cell: (n) =>
        !n.done && can('incidents.manage') ? (
          <Button size="xs" onClick={() => setMarking(n)} data-testid={`notification-mark-${n.recipient}`}>
            {t('incidents.notifications.mark')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <DataTable
        columns={columns}
        rows={incident.notifications}
        rowKey={(n) => n.id}
        label={t('incidents.notifications.title')}
        empty={t('incidents.notifications.none')}
        exportName={`${incident.reference}-notifications`}
        minWidth={720}
        testId="notifications-table"
        rowTestId="notification-row"
        rowData={(n) => ({ 'data-recipient': n.recipient, 'data-done': n.done, 'data-overdue': n.overdue })}
      />
      <MarkDoneDialog notification={marking} zone={zone} onClose={() => setMarking(null)} />
    </>
  );
}

function MarkDoneDialog({ notification, zone, onClose }: { notification: IncidentNotification | null; zone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const saved = useIncidentSaved();
  return (
    <FormDialog
      opened={notification !== null}
      onClose={onClose}
      title={notification ? t('incidents.notifications.markTitle', { recipient: t(`incidents.recipient.${notification.recipient}`) }) : ''}
      formKey={notification?.id}
      initial={{ notifiedAt: nowInput(zone), method: 'phone', contact: '', reference: '' }}
      schema={CompleteNotificationBody}
      toBody={(v) => ({ ...v, notifiedAt: v.notifiedAt ? wallTimeToIso(v.notifiedAt, zone) : '', version: notification?.version })}
      submit={(body) => incidentsApi.notified(notification!.id, body)}
      onSaved={(incident) => {
        saved(incident);
        onClose();
      }}
      testId="notification-form"
    >
      {(form) => (
        <>
          <DateField label={t('incidents.notifications.notifiedAt')} withTime {...form.choice('notifiedAt')} onChange={(v) => form.setAt('notifiedAt', v)} />
          <Select label={t('incidents.notifications.method')} data={NOTIFICATION_METHODS.map((m) => ({ value: m, label: t(`incidents.method.${m}`) }))} {...form.choice('method')} allowDeselect={false} data-testid="notification-method" />
          <TextInput label={t('incidents.notifications.contact')} description={t('incidents.notifications.contactHelp')} {...form.text('contact')} maxLength={200} data-testid="notification-contact" />
          <TextInput label={t('incidents.notifications.reference')} {...form.text('reference')} maxLength={200} data-testid="notification-reference" />
        </>
      )}
    </FormDialog>
  );
}
