import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReviewObservationBody, SetObservationBody, type MissedCheck, type ObservationCheck, type ObservationHandover, type ObservationLevel, type ObservationLevelEvent, type Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { wallTimeToIso } from '../../i18n/dates.ts';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useRefetchOnEvents } from '../../ui/use-domain-events.ts';
import { formatDate, formatTimestamp } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { CheckDialog, CheckWindow, HandoverDialog, LevelBadge, useNow } from './observation-parts.tsx';
import { OK, WARN, WRAP } from './observation-colors.ts';
import { levelName, OBSERVATION_EVENTS, observationKeys, observationsApi, staffName } from './observations-api.ts';

/**
 * The prisoner file's "Observation" tab: the current level with its reason, review date and the
 * window of the next check; setting, reviewing and ending it; its history; the recent checks and
 * missed checks.
 */
export function ObservationTab({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const zone = useFacilityTimeZone(prisoner.facilityId);
  const now = useNow();
  const data = useQuery({ queryKey: observationKeys.prisoner(prisoner.id), queryFn: () => observationsApi.ofPrisoner(prisoner.id) });
  useRefetchOnEvents(OBSERVATION_EVENTS, [observationKeys.prisoner(prisoner.id)]);
  const [dialog, setDialog] = useState<'set' | 'review' | 'check' | 'handover' | null>(null);
  const current = data.data?.current ?? null;
  const when = (at: string) => formatTimestamp(at, i18n.language, zone);

  const historyColumns: DataColumn<ObservationLevelEvent>[] = [
    { key: 'at', header: 'observations.columns.at', rowHeader: true, sortValue: (e) => e.at, cell: (e) => when(e.at) },
    { key: 'kind', header: 'observations.columns.decision', cell: (e) => t(`observations.events.${e.kind}`) },
    { key: 'level', header: 'observations.columns.level', cell: (e) => levelName(e.level.names, i18n.language) },
    { key: 'reason', header: 'observations.columns.reason', cell: (e) => e.reason },
    { key: 'review', header: 'observations.columns.reviewOn', cell: (e) => formatDate(e.reviewOn, i18n.language) },
    { key: 'by', header: 'observations.columns.by', cell: (e) => staffName(e.by) },
  ];
  const checkColumns: DataColumn<ObservationCheck>[] = [
    { key: 'at', header: 'observations.columns.checkedAt', rowHeader: true, sortValue: (c) => c.checkedAt, cell: (c) => when(c.checkedAt) },
    {
      key: 'status',
      header: 'observations.columns.status',
      sortValue: (c) => c.minutesLate ?? 0,
      exportValue: (c) => (c.late ? t('observations.lateBy', { count: c.minutesLate ?? 0 }) : t('observations.onTime')),
      cell: (c) =>
        c.late ? (
          <Badge styles={WRAP} color={WARN} variant="filled" data-testid="check-late">
            {t('observations.lateBy', { count: c.minutesLate ?? 0 })}
          </Badge>
        ) : (
          <Badge styles={WRAP} color={OK} variant="filled">
            {t('observations.onTime')}
          </Badge>
        ),
    },
    { key: 'seen', header: 'observations.columns.seen', cell: (c) => `${t(`observations.activities.${c.activity}`)} · ${t(`observations.signs.${c.signOfLife}`)}` },
    { key: 'by', header: 'observations.columns.by', cell: (c) => staffName(c.checkedBy) },
    { key: 'note', header: 'observations.columns.note', cell: (c) => c.note ?? '' },
  ];
  const missedColumns: DataColumn<MissedCheck>[] = [
    { key: 'due', header: 'observations.columns.due', rowHeader: true, sortValue: (m) => m.dueAt, cell: (m) => when(m.dueAt) },
    { key: 'status', header: 'observations.columns.status', cell: (m) => (m.answeredAt ? t('observations.missed.answeredOn', { at: when(m.answeredAt) }) : t('observations.missed.never')) },
  ];
  const handoverColumns: DataColumn<ObservationHandover>[] = [
    { key: 'at', header: 'observations.columns.at', rowHeader: true, sortValue: (h) => h.at, cell: (h) => when(h.at) },
    { key: 'watcher', header: 'observations.columns.watcher', sortValue: (h) => staffName(h.watcher), cell: (h) => staffName(h.watcher) },
    { key: 'note', header: 'observations.columns.note', cell: (h) => h.note ?? '' },
  ];

  return (
    <Stack data-testid="observation-tab">
      <QueryState isPending={data.isPending} error={data.error} />
      {data.data && (
        <Paper withBorder p="md" data-testid="observation-current" data-level={current?.level.code ?? 'none'}>
          {current ? (
            <Stack gap="xs">
              <Group justify="space-between">
                <Group gap="xs">
                  <LevelBadge level={current.level} />
                  {current.reviewOverdue && (
                    <Badge styles={WRAP} color={WARN} variant="filled">
                      {t('observations.reviewOverdue')}
                    </Badge>
                  )}
                </Group>
                <Group gap="xs">
                  {can('observations.check') && current.window && (
                    <Button onClick={() => setDialog('check')} data-testid="tab-record-check">
                      {t('observations.board.record')}
                    </Button>
                  )}
                  {can('observations.check') && !current.window && (
                    <Button variant="default" onClick={() => setDialog('handover')}>
                      {t('observations.board.takeOver')}
                    </Button>
                  )}
                  {can('observations.set') && (
                    <Button variant="default" onClick={() => setDialog('review')} data-testid="review-level">
                      {t('observations.review.open')}
                    </Button>
                  )}
                </Group>
              </Group>
              <Text>{current.reason}</Text>
              <Text size="sm" c="dimmed">
                {t('observations.tab.since', { at: when(current.startedAt), by: staffName(current.setBy), review: formatDate(current.reviewOn, i18n.language) })}
              </Text>
              <CheckWindow level={current} now={now} timeZone={zone} />
              {current.watcher && <Text size="sm">{t('observations.board.watching', { name: staffName(current.watcher.staff), since: when(current.watcher.since) })}</Text>}
            </Stack>
          ) : (
            <Group justify="space-between">
              <Text>{t('observations.tab.none')}</Text>
              {can('observations.set') && (
                <Button onClick={() => setDialog('set')} data-testid="set-level">
                  {t('observations.set.open')}
                </Button>
              )}
            </Group>
          )}
        </Paper>
      )}
      {data.data && data.data.history.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('observations.tab.history')}
          </Title>
          <DataTable columns={historyColumns} rows={data.data.history} rowKey={(e) => `${e.levelId}-${e.at}-${e.kind}`} label={t('observations.tab.history')} minWidth={720} testId="observation-history" />
        </>
      )}
      {data.data && data.data.checks.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('observations.tab.checks')}
          </Title>
          <DataTable columns={checkColumns} rows={data.data.checks} rowKey={(c) => c.id} label={t('observations.tab.checks')} minWidth={720} pagination={{ mode: 'client', pageSize: 20 }} testId="observation-checks" rowTestId="observation-check" rowData={(c) => ({ 'data-late': String(c.late) })} />
        </>
      )}
      {data.data && data.data.missed.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('observations.tab.missed')}
          </Title>
          <DataTable columns={missedColumns} rows={data.data.missed} rowKey={(m) => m.id} label={t('observations.tab.missed')} minWidth={480} pagination={{ mode: 'client', pageSize: 20 }} testId="observation-missed" />
        </>
      )}
      {data.data && data.data.handovers.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('observations.tab.handovers')}
          </Title>
          <DataTable columns={handoverColumns} rows={data.data.handovers} rowKey={(h) => h.id} label={t('observations.tab.handovers')} minWidth={480} pagination={{ mode: 'client', pageSize: 20 }} testId="observation-handovers" />
        </>
      )}
      {dialog === 'set' && <SetLevelDialog prisoner={prisoner} zone={zone} onClose={() => setDialog(null)} />}
      {dialog === 'review' && current && <ReviewDialog level={current} onClose={() => setDialog(null)} />}
      {dialog === 'check' && current && <CheckDialog level={current} onClose={() => setDialog(null)} />}
      {dialog === 'handover' && current && <HandoverDialog level={current} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function useLevelOptions() {
  const { i18n } = useTranslation();
  const types = useQuery({ queryKey: observationKeys.types, queryFn: observationsApi.levelTypes });
  return (types.data?.items ?? []).map((ty) => ({ value: ty.code, label: levelName(ty.names, i18n.language) }));
}

/** Puts the prisoner on observation: level, reason, review date, and when it began if earlier. */
function SetLevelDialog({ prisoner, zone, onClose }: { prisoner: Prisoner; zone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useLevelOptions();
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('observations.set.title')}
      initial={{ level: '', reason: '', reviewOn: '', startAt: '' }}
      schema={SetObservationBody}
      toBody={(v) => ({ prisonerId: prisoner.id, level: v.level, reason: v.reason, reviewOn: v.reviewOn, startAt: v.startAt ? wallTimeToIso(v.startAt, zone) : undefined })}
      submit={observationsApi.set}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: observationKeys.all });
        onClose();
      }}
      submitLabel={t('observations.set.save')}
      testId="set-level-form"
    >
      {(form) => (
        <>
          <Select label={t('observations.fields.level')} data={options} {...form.choice('level')} data-testid="level-select" />
          <Textarea label={t('observations.fields.reason')} autosize minRows={3} {...form.text('reason')} />
          <DateField label={t('observations.fields.reviewOn')} {...form.choice('reviewOn')} />
          <DateField label={t('observations.fields.startAt')} description={t('observations.fields.startAtHelp')} withTime {...form.choice('startAt')} />
        </>
      )}
    </FormDialog>
  );
}

/** A review: continue to a new review date, change the level, or end observation. */
function ReviewDialog({ level, onClose }: { level: ObservationLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useLevelOptions().filter((o) => o.value !== level.level.code);
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('observations.review.title')}
      formKey={level.version}
      initial={{ outcome: 'continue', level: '', reason: '', reviewOn: '' }}
      schema={ReviewObservationBody}
      toBody={(v) => ({ version: level.version, outcome: v.outcome, reason: v.reason, level: v.outcome === 'change' ? v.level || undefined : undefined, reviewOn: v.outcome === 'end' ? undefined : v.reviewOn || undefined })}
      submit={(body) => observationsApi.review(level.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: observationKeys.all });
        onClose();
      }}
      onReload={() => void queryClient.invalidateQueries({ queryKey: observationKeys.all })}
      problemFields={{ 'observation-level-unknown': { field: 'level' }, 'observation-review-date-invalid': { field: 'reviewOn' } }}
      submitLabel={t('observations.review.save')}
      testId="review-form"
    >
      {(form) => (
        <>
          <SegmentedControl
            fullWidth
            value={form.values.outcome}
            onChange={(v) => form.set('outcome', v)}
            data={(['continue', 'change', 'end'] as const).map((o) => ({ value: o, label: t(`observations.review.outcomes.${o}`) }))}
            data-testid="review-outcome"
          />
          {form.values.outcome === 'change' && <Select label={t('observations.fields.newLevel')} data={options} {...form.choice('level')} />}
          <Textarea label={t('observations.fields.reason')} autosize minRows={3} {...form.text('reason')} />
          {form.values.outcome !== 'end' && <DateField label={t('observations.fields.reviewOn')} {...form.choice('reviewOn')} />}
        </>
      )}
    </FormDialog>
  );
}
