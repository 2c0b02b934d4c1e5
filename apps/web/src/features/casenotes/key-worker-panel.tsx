import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AssignKeyWorkerBody, KEY_WORK_ENGAGEMENT, KEY_WORK_MOODS, RecordKeyWorkSessionBody, type KeyWorkSession, type Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { casenoteKeys, casenotesApi, staffName } from './casenotes-api.ts';

/** The prisoner's key worker, when the next session is due, the sessions, and the actions to assign one and record a session. */
export function KeyWorkerPanel({ prisoner }: { prisoner: Prisoner }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const keyWork = useQuery({ queryKey: casenoteKeys.keyWork(prisoner.id), queryFn: () => casenotesApi.keyWork(prisoner.id) });
  const [dialog, setDialog] = useState<'assign' | 'session' | null>(null);
  const kw = keyWork.data;
  const mayWrite = can('casenotes.write') && prisoner.state !== 'released';
  const date = (d: string | null) => formatDate(d, i18n.language);

  return (
    <Stack gap="xs" data-testid="key-worker-panel">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('keyWork.panelTitle')}
        </Title>
        {mayWrite && kw && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog('assign')} data-testid="assign-key-worker">
              {kw.current ? t('keyWork.reassign') : t('keyWork.assign')}
            </Button>
            {kw.current && (
              <Button onClick={() => setDialog('session')} data-testid="record-session">
                {t('keyWork.recordSession')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <QueryState isPending={keyWork.isPending} error={keyWork.error} />
      {kw && (
        <>
          {kw.current ? (
            <Group gap="sm" data-testid="current-key-worker">
              <Text>{t('keyWork.current', { name: staffName(kw.current.staff), from: date(kw.current.from) })}</Text>
              {kw.nextDueOn && (
                // A darker green than the palette's: white on it keeps a 4.5:1 contrast (as the alerts' "active").
                <Badge color={kw.overdue ? 'red.9' : '#2b6e2b'} variant="filled" styles={{ label: { overflow: 'visible' } }} data-testid="next-due">
                  {kw.overdue ? t('keyWork.overdueSince', { date: date(kw.nextDueOn) }) : t('keyWork.dueBy', { date: date(kw.nextDueOn) })}
                </Badge>
              )}
            </Group>
          ) : (
            <Alert color="orange.9" variant="outline" data-testid="no-key-worker">
              {t('keyWork.noKeyWorker')}
            </Alert>
          )}
          {kw.history.length > 1 && (
            <Text size="sm" c="dimmed">
              {t('keyWork.earlier')}{' '}
              {kw.history
                .filter((h) => h.to)
                .map((h) => t('keyWork.period', { name: staffName(h.staff), from: date(h.from), to: date(h.to) }))
                .join('; ')}
            </Text>
          )}
          {kw.sessions.length > 0 && (
            <>
              <Title order={3} size="h5">
                {t('keyWork.sessions')}
              </Title>
              <SessionsTable sessions={kw.sessions} />
            </>
          )}
        </>
      )}
      {dialog === 'assign' && <AssignDialog prisoner={prisoner} currentId={kw?.current?.staff.id ?? null} onClose={() => setDialog(null)} />}
      {dialog === 'session' && <SessionDialog prisoner={prisoner} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function SessionsTable({ sessions }: { sessions: KeyWorkSession[] }) {
  const { t, i18n } = useTranslation();
  const mood = (s: KeyWorkSession) => t(`keyWork.moods.${s.mood}`);
  const engagement = (s: KeyWorkSession) => t(`keyWork.engagement.${s.engagement}`);
  const columns: DataColumn<KeyWorkSession>[] = [
    { key: 'date', header: 'keyWork.columns.date', rowHeader: true, nowrap: true, sortValue: (s) => s.heldOn, exportValue: (s) => formatDate(s.heldOn, i18n.language), cell: (s) => formatDate(s.heldOn, i18n.language) },
    { key: 'by', header: 'keyWork.columns.by', sortValue: (s) => staffName(s.heldBy), cell: (s) => staffName(s.heldBy) },
    { key: 'minutes', header: 'keyWork.columns.minutes', numeric: true, sortValue: (s) => s.durationMinutes, cell: (s) => String(s.durationMinutes) },
    { key: 'place', header: 'keyWork.columns.place', sortValue: (s) => s.place, cell: (s) => s.place },
    { key: 'mood', header: 'keyWork.columns.mood', sortValue: (s) => KEY_WORK_MOODS.indexOf(s.mood), exportValue: mood, cell: mood },
    { key: 'engagement', header: 'keyWork.columns.engagement', sortValue: (s) => KEY_WORK_ENGAGEMENT.indexOf(s.engagement), exportValue: engagement, cell: engagement },
    {
      key: 'summary',
      header: 'keyWork.columns.summary',
      exportValue: (s) => [s.summary, s.concerns && `${t('keyWork.fields.concerns')}: ${s.concerns}`, s.followUp && `${t('keyWork.fields.followUp')}: ${s.followUp}`].filter(Boolean).join('; '),
      cell: (s) => (
        <>
          <Text size="sm">{s.summary}</Text>
          {s.concerns && <Text size="sm" c="red.9">{`${t('keyWork.fields.concerns')}: ${s.concerns}`}</Text>}
          {s.followUp && <Text size="sm">{`${t('keyWork.fields.followUp')}: ${s.followUp}`}</Text>}
        </>
      ),
    },
  ];
  return <DataTable columns={columns} rows={sessions} rowKey={(s) => s.id} label={t('keyWork.sessions')} exportName="key-work-sessions" minWidth={820} testId="sessions-table" rowTestId="session-row" />;
}

function AssignDialog({ prisoner, currentId, onClose }: { prisoner: Prisoner; currentId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const candidates = useQuery({ queryKey: casenoteKeys.candidates(prisoner.id), queryFn: () => casenotesApi.candidates(prisoner.id) });
  const options = (candidates.data?.items ?? []).filter((c) => c.id !== currentId).map((c) => ({ value: c.id, label: staffName(c) }));
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('keyWork.assignTitle')}
      initial={{ staffId: '' }}
      schema={AssignKeyWorkerBody}
      submit={(body) => casenotesApi.assign(prisoner.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: casenoteKeys.keyWork(prisoner.id) });
        onClose();
      }}
      submitLabel={t('keyWork.assign')}
      testId="assign-form"
    >
      {(form) => (
        <>
          <Text size="sm">{t('keyWork.assignHelp')}</Text>
          <Select label={t('keyWork.fields.staff')} data={options} {...form.choice('staffId')} value={form.values.staffId || null} searchable allowDeselect={false} data-testid="key-worker-staff" data-autofocus />
        </>
      )}
    </FormDialog>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function SessionDialog({ prisoner, onClose }: { prisoner: Prisoner; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const moods = KEY_WORK_MOODS.map((m) => ({ value: m, label: t(`keyWork.moods.${m}`) }));
  const engagement = KEY_WORK_ENGAGEMENT.map((e) => ({ value: e, label: t(`keyWork.engagement.${e}`) }));
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('keyWork.recordSession')}
      initial={{ heldOn: today(), durationMinutes: 30 as number | string, place: '', summary: '', mood: '', engagement: '', concerns: '', followUp: '' }}
      schema={RecordKeyWorkSessionBody}
      toBody={(v) => ({ ...v, durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes) })}
      submit={(body) => casenotesApi.recordSession(prisoner.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: casenoteKeys.keyWork(prisoner.id) });
        void queryClient.invalidateQueries({ queryKey: casenoteKeys.timeline(prisoner.id) });
        onClose();
      }}
      submitLabel={t('keyWork.save')}
      testId="session-form"
    >
      {(form) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('keyWork.fields.heldOn')} {...form.choice('heldOn')} />
            <NumberInput label={t('keyWork.fields.minutes')} {...form.choice('durationMinutes')} min={1} max={480} allowDecimal={false} allowNegative={false} data-testid="session-minutes" />
          </SimpleGrid>
          <TextInput label={t('keyWork.fields.place')} {...form.text('place')} maxLength={200} data-testid="session-place" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('keyWork.fields.mood')} data={moods} {...form.choice('mood')} value={form.values.mood || null} allowDeselect={false} data-testid="session-mood" />
            <Select label={t('keyWork.fields.engagement')} data={engagement} {...form.choice('engagement')} value={form.values.engagement || null} allowDeselect={false} data-testid="session-engagement" />
          </SimpleGrid>
          <Textarea label={t('keyWork.fields.summary')} {...form.text('summary')} maxLength={8000} autosize minRows={3} data-testid="session-summary" />
          <Textarea label={t('keyWork.fields.concerns')} {...form.text('concerns')} maxLength={4000} autosize minRows={2} />
          <Textarea label={t('keyWork.fields.followUp')} {...form.text('followUp')} maxLength={2000} autosize minRows={2} />
        </>
      )}
    </FormDialog>
  );
}
