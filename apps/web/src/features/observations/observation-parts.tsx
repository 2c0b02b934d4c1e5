import { useEffect, useState } from 'react';
import { Badge, Chip, Group, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_ACTIVITIES, RecordCheckBody, RecordHandoverBody, SIGNS_OF_LIFE, type ObservationLevel } from '@vigil/contracts';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import type { LiveState } from '../../ui/use-domain-events.ts';
import { BAD, OK, WARN, WRAP } from './observation-colors.ts';
import { clockTime, levelName, observationKeys, observationsApi, prisonerName, staffName } from './observations-api.ts';

/** The current time, moved on every `everyMs` so windows and countdowns stay true while the screen is open. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Whether the screen hears changes as they happen. */
export function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={state === 'live' ? OK : WARN} data-testid="live-state" data-state={state}>
      {t(`observations.live.${state}`)}
    </Badge>
  );
}

export function LevelBadge({ level }: { level: ObservationLevel['level'] }) {
  const { i18n } = useTranslation();
  const color = level.intervalMinutes === null ? 'red.9' : level.intervalMinutes <= 15 ? WARN : level.intervalMinutes <= 30 ? 'violet.9' : 'blue.9';
  return (
    <Badge variant="filled" color={color} styles={WRAP} data-testid="level-badge">
      {levelName(level.names, i18n.language)}
    </Badge>
  );
}

type WindowState = 'open' | 'closing' | 'overdue';

/** Where a timed level stands now: inside the window, in its last fifth, or past its due time. */
export function windowState(level: ObservationLevel, now: number): { state: WindowState; minutesLeft: number; minutesOver: number; share: number } | null {
  if (!level.window) return null;
  const opens = Date.parse(level.window.opensAt);
  const due = Date.parse(level.window.dueAt);
  const minutesLeft = Math.ceil((due - now) / 60_000);
  const share = Math.min(1, Math.max(0, (now - opens) / (due - opens)));
  const minutesOver = Math.max(1, Math.ceil((now - due) / 60_000));
  return { state: now > due ? 'overdue' : share >= 0.8 ? 'closing' : 'open', minutesLeft, minutesOver, share };
}

const STATE_COLOR: Record<WindowState, string> = { open: OK, closing: WARN, overdue: BAD };

/**
 * The window of the next check, not a fixed time: "any time until 10:35", with how much of it is
 * gone. Officers vary when they look inside it (irregular checks); overdue shows in red with the minutes.
 */
export function CheckWindow({ level, now, timeZone }: { level: ObservationLevel; now: number; timeZone: string }) {
  const { t } = useTranslation();
  const w = windowState(level, now);
  if (!w || !level.window) return null;
  return (
    <Stack gap={4} data-testid="check-window" data-state={w.state}>
      <Text size="sm" fw={600} c={STATE_COLOR[w.state]}>
        {w.state === 'overdue'
          ? t('observations.window.overdue', { minutes: String(w.minutesOver), due: clockTime(level.window.dueAt, timeZone) })
          : t('observations.window.until', { from: clockTime(level.window.opensAt, timeZone), due: clockTime(level.window.dueAt, timeZone), minutes: String(w.minutesLeft) })}
      </Text>
      <Progress value={w.share * 100} color={STATE_COLOR[w.state]} size="sm" aria-label={t('observations.window.label')} />
    </Stack>
  );
}

/** Records a check now: what the prisoner was doing and the sign of life, each one tap. */
export function CheckDialog({ level, onClose }: { level: ObservationLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('observations.check.title', { name: prisonerName(level.prisoner) })}
      initial={{ activity: '', signOfLife: '', note: '' }}
      schema={RecordCheckBody}
      submit={(body) => observationsApi.check(level.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: observationKeys.all });
        onClose();
      }}
      submitLabel={t('observations.check.save')}
      testId="check-form"
    >
      {(form) => (
        <>
          <Text size="sm" fw={600}>
            {t('observations.check.activity')}
          </Text>
          <Chip.Group value={form.values.activity} onChange={(v) => form.set('activity', v as string)}>
            <Group gap="xs" data-testid="check-activity">
              {OBSERVATION_ACTIVITIES.map((a) => (
                <Chip key={a} value={a} size="md" data-value={a}>
                  {t(`observations.activities.${a}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {form.errors.activity && (
            <Text size="sm" c={BAD}>
              {form.errors.activity}
            </Text>
          )}
          <Text size="sm" fw={600}>
            {t('observations.check.signOfLife')}
          </Text>
          <Chip.Group value={form.values.signOfLife} onChange={(v) => form.set('signOfLife', v as string)}>
            <Group gap="xs" data-testid="check-sign">
              {SIGNS_OF_LIFE.map((s) => (
                <Chip key={s} value={s} size="md" data-value={s}>
                  {t(`observations.signs.${s}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {form.errors.signOfLife && (
            <Text size="sm" c={BAD}>
              {form.errors.signOfLife}
            </Text>
          )}
          <Textarea label={t('observations.check.note')} autosize minRows={2} {...form.text('note')} />
        </>
      )}
    </FormDialog>
  );
}

/** Constant observation: the signed-in officer takes over the watch. */
export function HandoverDialog({ level, onClose }: { level: ObservationLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('observations.handover.title', { name: prisonerName(level.prisoner) })}
      initial={{ note: '' }}
      schema={RecordHandoverBody}
      submit={(body) => observationsApi.handover(level.id, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: observationKeys.all });
        onClose();
      }}
      submitLabel={t('observations.handover.save')}
      testId="handover-form"
    >
      {(form) => (
        <>
          <Text size="sm">{level.watcher ? t('observations.handover.from', { name: staffName(level.watcher.staff) }) : t('observations.handover.first')}</Text>
          <Textarea label={t('observations.check.note')} autosize minRows={2} {...form.text('note')} />
        </>
      )}
    </FormDialog>
  );
}
