import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ABSENCE_REASONS, type AttendanceMark, type Register, type RegisterMark } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate, formatTimestamp, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { weekday } from './days.ts';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { programmeName, weekdayName } from './programme-text.ts';

type Absence = (typeof ABSENCE_REASONS)[number];
interface Draft {
  mark: AttendanceMark | null;
  absenceReason: Absence | null;
  hours: number | null;
}

/** Touch targets for gloved or hurried fingers on a tablet: at least 48 px high (WCAG 2.5.5 asks 44). */
const TOUCH = { label: { minHeight: 48, display: 'flex', alignItems: 'center', justifyContent: 'center' } } as const;

const draftOf = (r: Register): Record<string, Draft> => Object.fromEntries(r.entries.map((e) => [e.enrolmentId, { mark: e.mark, absenceReason: e.absenceReason, hours: e.hours }]));

/**
 * A session's attendance register, taken on a tablet: one card per person with large buttons
 * (attended, absent with its reason, excused), hours worked for work, and one save for the whole
 * register. Nothing is saved until everyone is marked.
 */
export function RegisterPage() {
  const { programmeId, date, start } = useParams({ from: '/programmes/$programmeId/register/$date/$start' });
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const programme = useQuery({ queryKey: programmeKeys.one(programmeId), queryFn: () => programmesApi.one(programmeId) });
  const register = useQuery({ queryKey: programmeKeys.register(programmeId, date, start), queryFn: () => programmesApi.register(programmeId, date, start) });
  const timeZone = useFacilityTimeZone(programme.data?.facilityId);
  const [draft, setDraft] = useState<Record<string, Draft>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (register.data) setDraft(draftOf(register.data));
  }, [register.data]);

  const save = useMutation({
    mutationFn: (r: Register) =>
      programmesApi.saveRegister(programmeId, {
        date,
        start,
        version: r.version,
        marks: r.entries.map((e): RegisterMark => {
          const d = draft[e.enrolmentId]!;
          return { enrolmentId: e.enrolmentId, mark: d.mark!, absenceReason: d.mark === 'absent' ? d.absenceReason : null, hours: d.mark === 'attended' && r.recordsHours ? d.hours : null };
        }),
      }),
    onSuccess: (r) => {
      queryClient.setQueryData(programmeKeys.register(programmeId, date, start), r);
      void queryClient.invalidateQueries({ queryKey: programmeKeys.one(programmeId) });
      void queryClient.invalidateQueries({ queryKey: programmeKeys.progressAll });
      setSaved(true);
    },
  });

  const r = register.data;
  const set = (id: string, change: Partial<Draft>) => {
    setSaved(false);
    save.reset();
    setDraft((d) => ({ ...d, [id]: { ...d[id]!, ...change } }));
  };
  const unmarked = r ? r.entries.filter((e) => !draft[e.enrolmentId]?.mark || (draft[e.enrolmentId]!.mark === 'absent' && !draft[e.enrolmentId]!.absenceReason)).length : 0;
  const conflict = save.error instanceof ApiProblem && save.error.code === 'edit-conflict';

  return (
    <div data-testid="register-page">
      <AnchorLink to="/programmes/$programmeId" params={{ programmeId }} size="sm">
        {t('programmes.register.back')}
      </AnchorLink>
      <QueryState isPending={register.isPending || programme.isPending} error={register.error ?? programme.error} />
      {r && programme.data && (
        <Stack>
          <PageHeader title={t('programmes.register.title', { programme: programmeName(programme.data, i18n.language) })} />
          <Text size="lg" data-testid="register-when">
            {weekdayName(weekday(date), t)}, {formatDate(date, i18n.language)}, {r.start}–{r.end}
          </Text>
          {r.recordedAt && (
            <Text size="sm" data-testid="register-recorded">
              {t('programmes.register.recorded', { by: r.recordedBy ?? '', at: formatTimestamp(r.recordedAt, i18n.language, timeZone) })}
            </Text>
          )}
          {r.entries.length === 0 ? (
            <Text>{t('programmes.register.empty')}</Text>
          ) : (
            <>
              <Group>
                <Button variant="default" size="md" onClick={() => r.entries.forEach((e) => !draft[e.enrolmentId]?.mark && set(e.enrolmentId, { mark: 'attended', absenceReason: null, hours: r.recordsHours ? (draft[e.enrolmentId]?.hours ?? null) : null }))} data-testid="register-all-attended">
                  {t('programmes.register.restAttended')}
                </Button>
              </Group>
              {r.entries.map((e) => {
                const d = draft[e.enrolmentId] ?? { mark: null, absenceReason: null, hours: null };
                return (
                  <Card key={e.enrolmentId} withBorder padding="md" data-testid="register-entry" data-number={e.prisoner.prisonNumber} data-mark={d.mark ?? ''}>
                    <Group justify="space-between" mb="xs">
                      <Title order={4}>{nameOwnScript(e.prisoner)}</Title>
                      <Text size="sm">{e.prisoner.prisonNumber}</Text>
                    </Group>
                    <SegmentedControl
                      fullWidth
                      size="lg"
                      value={d.mark ?? ''}
                      onChange={(m) => set(e.enrolmentId, { mark: m as AttendanceMark, absenceReason: m === 'absent' ? d.absenceReason : null })}
                      data={[
                        { value: 'attended', label: t('programmes.marks.attended') },
                        { value: 'absent', label: t('programmes.marks.absent') },
                        { value: 'excused', label: t('programmes.marks.excused') },
                      ]}
                      styles={TOUCH}
                      aria-label={t('programmes.register.markFor', { name: nameOwnScript(e.prisoner) })}
                      data-testid="register-mark"
                    />
                    {d.mark === 'absent' && (
                      <Stack gap={4} mt="sm">
                        <Text size="sm" fw={600}>
                          {t('programmes.register.reason')}
                        </Text>
                        <SegmentedControl
                          fullWidth
                          size="md"
                          value={d.absenceReason ?? ''}
                          onChange={(reason) => set(e.enrolmentId, { absenceReason: reason as Absence })}
                          data={ABSENCE_REASONS.map((a) => ({ value: a, label: t(`programmes.absence.${a}`) }))}
                          styles={TOUCH}
                          data-testid="register-reason"
                        />
                      </Stack>
                    )}
                    {d.mark === 'attended' && r.recordsHours && (
                      <NumberInput mt="sm" size="md" w={200} label={t('programmes.register.hours')} value={d.hours ?? ''} onChange={(h) => set(e.enrolmentId, { hours: h === '' ? null : Number(h) })} min={0} max={24} step={0.25} data-testid="register-hours" />
                    )}
                  </Card>
                );
              })}
            </>
          )}
          {save.error && <ProblemAlert error={save.error} onReload={conflict ? () => void register.refetch() : undefined} />}
          {saved && (
            <Alert color="teal.9" variant="outline" data-testid="register-saved">
              {t('programmes.register.saved')}
            </Alert>
          )}
          {r.entries.length > 0 && (
            <Group justify="space-between">
              <Text size="sm">{unmarked > 0 ? t('programmes.register.unmarked', { count: unmarked }) : t('programmes.register.allMarked')}</Text>
              <Button size="lg" onClick={() => save.mutate(r)} disabled={unmarked > 0} loading={save.isPending} data-testid="register-save">
                {t('programmes.register.save')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </div>
  );
}
