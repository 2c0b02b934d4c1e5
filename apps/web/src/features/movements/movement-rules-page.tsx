import { useState } from 'react';
import { Badge, Button, Checkbox, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { KEEP_APART_SOURCES, ZONE_CATEGORIES, type KeepApart, type Zone, type ZoneWindow } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { facilityKeys, locationsApi } from '../facilities/facilities-api.ts';
import { formatDate, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { useAlertNames } from '../programmes/use-alert-names.ts';
import { movementControlApi, movementControlKeys, todayIn } from './movement-control-api.ts';
import { PrisonerPicker, type PickedPrisoner } from './prisoner-picker.tsx';

const WINDOWS = /^\s*([01]\d|2[0-3]):[0-5]\d\s*[-–]\s*([01]\d|2[0-3]):[0-5]\d\s*$/;
/** "08:00–12:00, 14:00–18:00" ↔ windows; null when a part is not a window. */
export function parseWindows(text: string): ZoneWindow[] | null {
  const parts = text.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  const out = parts.map((p) => (WINDOWS.test(p) ? { start: p.slice(0, 5), end: p.trim().slice(-5) } : null));
  return out.every((w) => w && w.end > w.start) ? (out as ZoneWindow[]) : null;
}
const showWindows = (w: ZoneWindow[]) => w.map((x) => `${x.start}–${x.end}`).join(', ');

/** The rules of movement: zones of the location tree with their rules, and keep-apart groups. For those with movements.rules. */
export function MovementRulesPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const alerts = useAlertNames();
  const zones = useQuery({ queryKey: movementControlKeys.zones(facilityId), queryFn: () => movementControlApi.zones(facilityId), enabled: !!facilityId });
  const groups = useQuery({ queryKey: movementControlKeys.keepApart(facilityId), queryFn: () => movementControlApi.keepApart(facilityId), enabled: !!facilityId });
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<KeepApart | null>(null);
  const end = useMutation({
    mutationFn: (reason: string) => movementControlApi.endKeepApart(ending!.id, { reason, version: ending!.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: movementControlKeys.all });
      setEnding(null);
    },
  });

  const zoneColumns: DataColumn<Zone>[] = [
    { key: 'place', header: 'movements.rules.columns.place', rowHeader: true, sortValue: (z) => z.locationPath, cell: (z) => z.locationPath },
    { key: 'open', header: 'movements.rules.columns.open', cell: (z) => (z.openWindows.length ? showWindows(z.openWindows) : t('movements.rules.always')), exportValue: (z) => showWindows(z.openWindows) },
    { key: 'escort', header: 'movements.rules.columns.escort', sortValue: (z) => (z.escortedOnly ? 1 : 0), cell: (z) => (z.escortedOnly ? t('movements.rules.escortedOnly') : '—') },
    {
      key: 'barred',
      header: 'movements.rules.columns.barred',
      cell: (z) => (
        <Stack gap={2}>
          {z.barredCategories.map((c) => (
            <Text key={c} size="xs">
              {t('movements.rules.category', { category: t(`locations.security.${c}`) })}
            </Text>
          ))}
          {z.barredAlertCodes.map((c) => (
            <Text key={c} size="xs">
              {t('movements.rules.alert', { alert: alerts.name(c) })}
            </Text>
          ))}
          {z.barredPrisoners.map((p) => (
            <Text key={p.id} size="xs">
              {nameOwnScript(p)} · {p.prisonNumber}
            </Text>
          ))}
          {z.barredCategories.length + z.barredAlertCodes.length + z.barredPrisoners.length === 0 && '—'}
        </Stack>
      ),
    },
    { key: 'active', header: 'movements.rules.columns.active', cell: (z) => (z.active ? t('movements.rules.inForce') : t('movements.rules.off')) },
    { key: 'edit', header: 'common.actions', headerHidden: true, cell: (z) => <Button size="xs" variant="default" onClick={() => setEditing(z)}>{t('movements.rules.edit')}</Button> },
  ];
  const groupColumns: DataColumn<KeepApart>[] = [
    {
      key: 'members',
      header: 'movements.rules.columns.members',
      rowHeader: true,
      sortValue: (g) => g.members.map((m) => m.familyName).join(' '),
      cell: (g) => (
        <Stack gap={0}>
          {g.members.map((m) => (
            <Text key={m.id} size="sm">
              {nameOwnScript(m)} · {m.prisonNumber}
            </Text>
          ))}
        </Stack>
      ),
    },
    { key: 'reason', header: 'movements.rules.columns.reason', sortValue: (g) => g.reason, cell: (g) => g.reason },
    { key: 'source', header: 'movements.rules.columns.source', sortValue: (g) => t(`movements.rules.sources.${g.source}`), cell: (g) => t(`movements.rules.sources.${g.source}`) },
    { key: 'from', header: 'movements.rules.columns.from', sortValue: (g) => g.startsOn, cell: (g) => formatDate(g.startsOn, i18n.language) },
    { key: 'until', header: 'movements.rules.columns.until', sortValue: (g) => g.endsOn ?? '', cell: (g) => formatDate(g.endsOn, i18n.language) },
    { key: 'state', header: 'movements.rules.columns.active', cell: (g) => <Badge color={g.active ? 'red.9' : 'dark'} variant={g.active ? 'filled' : 'outline'}>{g.active ? t('movements.rules.inForce') : t('movements.rules.ended')}</Badge> },
    { key: 'end', header: 'common.actions', headerHidden: true, cell: (g) => g.active && <Button size="xs" variant="default" onClick={() => setEnding(g)} data-testid="keep-apart-end">{t('movements.rules.end')}</Button> },
  ];

  return (
    <div data-testid="movement-rules-page">
      <PageHeader title={t('movements.rules.title')} />
      <Text size="sm" mb="md">
        {t('movements.rules.intro')}
      </Text>
      <Stack gap="xl">
        <div>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              {t('movements.rules.zones')}
            </Title>
            <Button onClick={() => setEditing('new')} data-testid="zone-add">
              {t('movements.rules.addZone')}
            </Button>
          </Group>
          <DataTable columns={zoneColumns} rows={zones.data?.items} rowKey={(z) => z.id} query={zones} label={t('movements.rules.zones')} empty={t('movements.rules.noZones')} minWidth={760} testId="zones-table" rowTestId="zone-row" exportName="zones" />
        </div>
        <div>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              {t('movements.rules.keepApart')}
            </Title>
            <Button onClick={() => setAdding(true)} data-testid="keep-apart-add">
              {t('movements.rules.addKeepApart')}
            </Button>
          </Group>
          <DataTable columns={groupColumns} rows={groups.data?.items} rowKey={(g) => g.id} query={groups} label={t('movements.rules.keepApart')} empty={t('movements.rules.noKeepApart')} minWidth={760} testId="keep-apart-table" rowTestId="keep-apart-row" />
        </div>
      </Stack>
      {editing && facilityId && <ZoneDialog facilityId={facilityId} zone={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {adding && facilityId && <KeepApartDialog facilityId={facilityId} onClose={() => setAdding(false)} />}
      <ReasonDialog opened={!!ending} title={t('movements.rules.endTitle')} onClose={() => setEnding(null)} onConfirm={(reason) => end.mutate(reason)} pending={end.isPending} error={end.error} testId="keep-apart-end" />
    </div>
  );
}

function ZoneDialog({ facilityId, zone, onClose }: { facilityId: string; zone: Zone | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const alerts = useAlertNames();
  const places = useQuery({ queryKey: facilityKeys.locations(facilityId), queryFn: () => locationsApi.tree(facilityId, false) });
  const [locationId, setLocationId] = useState<string | null>(zone?.locationId ?? null);
  const [windows, setWindows] = useState(zone ? showWindows(zone.openWindows) : '08:00–12:00, 14:00–18:00');
  const [escorted, setEscorted] = useState(zone?.escortedOnly ?? false);
  const [codes, setCodes] = useState<string[]>(zone?.barredAlertCodes ?? []);
  const [categories, setCategories] = useState<string[]>(zone?.barredCategories ?? []);
  const [barred, setBarred] = useState<PickedPrisoner[]>(zone?.barredPrisoners ?? []);
  const [note, setNote] = useState(zone?.note ?? '');
  const [active, setActive] = useState(zone?.active ?? true);
  const parsed = parseWindows(windows);
  const save = useMutation({
    mutationFn: () => {
      const rules = { openWindows: parsed ?? [], escortedOnly: escorted, barredAlertCodes: codes, barredCategories: categories as Zone['barredCategories'], barredPrisonerIds: barred.map((p) => p.id), note };
      return zone ? movementControlApi.updateZone(zone.id, { ...rules, active, version: zone.version }) : movementControlApi.createZone(facilityId, { ...rules, locationId: locationId! });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: movementControlKeys.all });
      onClose();
    },
  });
  const options = (places.data?.items ?? []).filter((p) => p.kind !== 'cell' && p.kind !== 'landing').map((p) => ({ value: p.id, label: `${p.name} (${p.path})` }));
  return (
    <AppModal opened onClose={onClose} title={zone ? t('movements.rules.editZone', { place: zone.locationPath }) : t('movements.rules.addZone')} size="lg">
      <Stack data-testid="zone-form">
        {!zone && <Select label={t('movements.rules.place')} description={t('movements.rules.placeHelp')} data={options} value={locationId} onChange={setLocationId} searchable required data-testid="zone-place" />}
        <TextInput label={t('movements.rules.windows')} description={t('movements.rules.windowsHelp')} value={windows} onChange={(e) => setWindows(e.currentTarget.value)} error={parsed ? undefined : t('movements.rules.windowsError')} data-testid="zone-windows" />
        <Checkbox label={t('movements.rules.escortedOnly')} checked={escorted} onChange={(e) => setEscorted(e.currentTarget.checked)} data-testid="zone-escorted" />
        <MultiSelect label={t('movements.rules.barredAlerts')} data={alerts.options} value={codes} onChange={setCodes} searchable data-testid="zone-alerts" />
        <MultiSelect label={t('movements.rules.barredCategories')} data={ZONE_CATEGORIES.map((c) => ({ value: c, label: t(`locations.security.${c}`) }))} value={categories} onChange={setCategories} data-testid="zone-categories" />
        <PrisonerPicker facilityId={facilityId} label={t('movements.rules.barredPrisoners')} value={barred} onChange={setBarred} testId="zone-barred" />
        <Textarea label={t('movements.rules.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        {zone && <Checkbox label={t('movements.rules.inForce')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        {save.error && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!parsed || (!zone && !locationId)} loading={save.isPending} onClick={() => save.mutate()} data-testid="zone-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function KeepApartDialog({ facilityId, onClose }: { facilityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const timeZone = useFacilityTimeZone(facilityId);
  const [members, setMembers] = useState<PickedPrisoner[]>([]);
  const [reason, setReason] = useState('');
  const [source, setSource] = useState<string>('intelligence');
  const [startsOn, setStartsOn] = useState(() => todayIn(timeZone));
  const [endsOn, setEndsOn] = useState('');
  const save = useMutation({
    mutationFn: () => movementControlApi.createKeepApart(facilityId, { prisonerIds: members.map((m) => m.id), reason, source: source as (typeof KEEP_APART_SOURCES)[number], startsOn, endsOn: endsOn || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: movementControlKeys.all });
      onClose();
    },
  });
  return (
    <AppModal opened onClose={onClose} title={t('movements.rules.addKeepApart')} size="lg">
      <Stack data-testid="keep-apart-form">
        <PrisonerPicker facilityId={facilityId} label={t('movements.rules.members')} value={members} onChange={setMembers} testId="keep-apart-member" />
        <Textarea label={t('movements.rules.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} data-testid="keep-apart-reason" />
        <Select label={t('movements.rules.source')} data={KEEP_APART_SOURCES.map((s) => ({ value: s, label: t(`movements.rules.sources.${s}`) }))} value={source} onChange={(v) => setSource(v ?? 'intelligence')} allowDeselect={false} />
        <Group grow align="flex-start">
          <DateField label={t('movements.rules.from')} value={startsOn} onChange={setStartsOn} required />
          <DateField label={t('movements.rules.until')} value={endsOn} onChange={setEndsOn} />
        </Group>
        {save.error && <ProblemAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={members.length < 2 || reason.trim().length === 0} loading={save.isPending} onClick={() => save.mutate()} data-testid="keep-apart-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
