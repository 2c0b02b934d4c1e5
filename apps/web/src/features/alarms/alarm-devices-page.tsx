import { useState } from 'react';
import { Alert, Badge, Button, Code, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateDeviceBody, DEVICE_KINDS, type Device, type DeviceWithToken, type QuarantinedMessage } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { locationsApi } from '../facilities/facilities-api.ts';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { alarmKeys, alarmsApi } from './alarms-api.ts';

/** Devices of the facility against their places, registration with the webhook token, and the quarantine of messages not taken. */
export function AlarmDevicesPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const facilityId = session.activeFacilityId;
  const timeZone = useFacilityTimeZone(facilityId);
  const devices = useQuery({ queryKey: alarmKeys.devices(facilityId), queryFn: () => alarmsApi.devices(facilityId) });
  const quarantine = useQuery({ queryKey: alarmKeys.quarantine(facilityId), queryFn: () => alarmsApi.quarantine(facilityId) });
  const places = useQuery({ queryKey: ['locations', facilityId], queryFn: () => locationsApi.tree(facilityId!, false), enabled: Boolean(facilityId) });
  const [opened, setOpened] = useState(false);
  const [created, setCreated] = useState<DeviceWithToken | null>(null);
  const when = (at: string | null) => formatTimestamp(at, i18n.language, timeZone);

  const columns: DataColumn<Device>[] = [
    { key: 'code', header: 'alarms.devices.code', rowHeader: true, sortValue: (d) => d.code, cell: (d) => d.code },
    { key: 'name', header: 'alarms.devices.name', sortValue: (d) => d.name, cell: (d) => d.name },
    { key: 'kind', header: 'alarms.devices.kind', sortValue: (d) => t(`alarms.kind.${d.kind}`), cell: (d) => t(`alarms.kind.${d.kind}`) },
    { key: 'place', header: 'alarms.columns.place', sortValue: (d) => d.locationPath, cell: (d) => d.locationPath },
    { key: 'topic', header: 'alarms.devices.topic', cell: (d) => <Code>{`vigil/${d.facilityCode}/devices/${d.code}/events`}</Code>, exportValue: (d) => `vigil/${d.facilityCode}/devices/${d.code}/events` },
    { key: 'seen', header: 'alarms.devices.lastSeen', nowrap: true, sortValue: (d) => d.lastSeenAt, exportValue: (d) => when(d.lastSeenAt), cell: (d) => when(d.lastSeenAt) },
    { key: 'active', header: 'alarms.devices.active', sortValue: (d) => (d.active ? 1 : 0), exportValue: (d) => t(d.active ? 'alarms.devices.inService' : 'alarms.devices.outOfService'), cell: (d) => <Badge color={d.active ? 'green.9' : 'gray.7'}>{t(d.active ? 'alarms.devices.inService' : 'alarms.devices.outOfService')}</Badge> },
  ];
  const qColumns: DataColumn<QuarantinedMessage>[] = [
    { key: 'at', header: 'alarms.quarantine.at', rowHeader: true, nowrap: true, sortValue: (q) => q.receivedAt, exportValue: (q) => when(q.receivedAt), cell: (q) => when(q.receivedAt) },
    { key: 'reason', header: 'alarms.quarantine.reason', sortValue: (q) => q.reason, exportValue: (q) => t(`alarms.quarantine.reasons.${q.reason}`), cell: (q) => t(`alarms.quarantine.reasons.${q.reason}`) },
    { key: 'channel', header: 'alarms.quarantine.channel', sortValue: (q) => q.channel, cell: (q) => t(`alarms.quarantine.channels.${q.channel}`) },
    { key: 'device', header: 'alarms.columns.device', sortValue: (q) => q.deviceCode, cell: (q) => [q.facilityCode, q.deviceCode].filter(Boolean).join(' / ') || '—' },
    { key: 'payload', header: 'alarms.quarantine.payload', cell: (q) => <Code>{q.payload.slice(0, 120)}</Code>, exportValue: (q) => q.payload },
  ];

  return (
    <div data-testid="alarm-devices-page">
      <PageHeader title={t('alarms.devices.title')}>
        <Button onClick={() => setOpened(true)} disabled={!facilityId} data-testid="register-device">
          {t('alarms.devices.register')}
        </Button>
      </PageHeader>
      <Stack>
        {!facilityId && <Alert color="blue.9" variant="outline">{t('alarms.chooseFacility')}</Alert>}
        {created && (
          <Alert color="green.9" variant="outline" title={t('alarms.devices.tokenTitle', { code: created.code })} withCloseButton onClose={() => setCreated(null)} data-testid="device-token">
            <Text size="sm">{t('alarms.devices.tokenHelp')}</Text>
            <Code block>{created.token}</Code>
          </Alert>
        )}
        <DataTable columns={columns} rows={devices.data?.items} rowKey={(d) => d.id} query={devices} label={t('alarms.devices.title')} empty={t('alarms.devices.none')} exportName="alarm-devices" testId="devices-table" rowTestId="device-row" minWidth={900} />
        <Title order={2} size="h4">
          {t('alarms.quarantine.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('alarms.quarantine.help')}
        </Text>
        <DataTable columns={qColumns} rows={quarantine.data?.items} rowKey={(q) => q.id} query={quarantine} label={t('alarms.quarantine.title')} empty={t('alarms.quarantine.none')} testId="quarantine-table" rowTestId="quarantine-row" minWidth={800} />
      </Stack>
      {facilityId && (
        <FormDialog
          opened={opened}
          onClose={() => setOpened(false)}
          title={t('alarms.devices.register')}
          initial={{ facilityId, locationId: '', code: '', kind: '', name: '' }}
          schema={CreateDeviceBody}
          toBody={(v) => v}
          submit={alarmsApi.register}
          onSaved={(d: DeviceWithToken) => {
            setCreated(d);
            setOpened(false);
            void queryClient.invalidateQueries({ queryKey: ['alarm-devices'] });
          }}
          problemFields={{ 'device-duplicate-code': { field: 'code' }, 'device-place-facility': { field: 'locationId' } }}
          testId="device-form"
        >
          {(form) => (
            <>
              <TextInput label={t('alarms.devices.code')} {...form.text('code')} />
              <TextInput label={t('alarms.devices.name')} {...form.text('name')} />
              <Select label={t('alarms.devices.kind')} data={DEVICE_KINDS.map((k) => ({ value: k, label: t(`alarms.kind.${k}`) }))} {...form.choice('kind')} />
              <Select label={t('alarms.columns.place')} searchable data={(places.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.path} — ${p.name}` }))} {...form.choice('locationId')} />
            </>
          )}
        </FormDialog>
      )}
    </div>
  );
}
