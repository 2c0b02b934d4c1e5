import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, NumberInput, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RULE_23_MINUTES, type RegimeOutcome, type RegimeSheet } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { useCan, useSession } from '../../app/session.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { facilityKeys, locationsApi } from '../facilities/facilities-api.ts';
import { formatDate, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { regimeApi, regimeKeys, todayIn } from './regime-api.ts';

type Exercise = 'taken' | 'refused' | 'not-offered';
interface Draft {
  exercise: Exercise;
  minutes: number;
  breakfast: RegimeOutcome;
  lunch: RegimeOutcome;
  supper: RegimeOutcome;
  shower: RegimeOutcome;
  refusalReason: string;
  version: number | null;
  dirty: boolean;
}

/** A tap moves to the next outcome: taken → refused → not offered → taken. */
const NEXT: Record<RegimeOutcome, RegimeOutcome> = { taken: 'refused', refused: 'not-offered', 'not-offered': 'taken' };
const COLOUR: Record<RegimeOutcome, { color: string; variant: 'light' | 'filled' | 'default' }> = {
  taken: { color: 'teal.9', variant: 'filled' },
  refused: { color: 'red.9', variant: 'filled' },
  'not-offered': { color: 'gray', variant: 'default' },
};

/**
 * One item of the day as a large button (48 px high, for a tablet) naming its outcome; a tap moves
 * it on. Plain buttons rather than segmented controls: a wing's sheet has a hundred rows or more.
 */
function Toggle({ label, value, onChange, disabled, testId, who }: { label: string; value: RegimeOutcome; onChange: (v: RegimeOutcome) => void; disabled: boolean; testId: string; who: string }) {
  const { t } = useTranslation();
  const outcome = t(`regime.outcomes.${value}`);
  return (
    <Button h={48} miw={112} {...COLOUR[value]} disabled={disabled} onClick={() => onChange(NEXT[value])} aria-label={`${label}: ${outcome} (${who})`} data-testid={testId} data-value={value} styles={{ label: { flexDirection: 'column', lineHeight: 1.15 } }}>
      <Text span size="xs" c="inherit">
        {label}
      </Text>
      <Text span size="sm" fw={700} c="inherit">
        {outcome}
      </Text>
    </Button>
  );
}

function draftOf(sheet: RegimeSheet): Record<string, Draft> {
  return Object.fromEntries(
    sheet.rows.map(({ prisoner, day }) => [
      prisoner.id,
      day
        ? {
            exercise: day.exerciseOfferedMinutes === 0 ? 'not-offered' : day.exerciseTakenMinutes === 0 ? 'refused' : 'taken',
            minutes: day.exerciseOfferedMinutes || RULE_23_MINUTES,
            breakfast: day.breakfast,
            lunch: day.lunch,
            supper: day.supper,
            shower: day.shower,
            refusalReason: day.refusalReason ?? '',
            version: day.version,
            dirty: false,
          }
        : { exercise: 'taken', minutes: RULE_23_MINUTES, breakfast: 'taken', lunch: 'taken', supper: 'taken', shower: 'not-offered', refusalReason: '', version: null, dirty: false },
    ]),
  );
}
/** Rows shown at once: a landing's worth, so a tablet stays quick with a wing of a hundred or more. */
const PAGE = 20;

const refused = (d: Draft) => d.exercise === 'refused' || [d.breakfast, d.lunch, d.supper, d.shower].includes('refused');

/**
 * A wing's daily regime sheet, made for a tablet: one card per prisoner with large toggles for the
 * hour outdoors (Mandela Rule 23), the three meals and the shower, and the reason when something
 * was refused. Rows not yet recorded start as "taken"; one save records the rows touched, or every
 * row with "Save the whole sheet".
 */
export function RegimeSheetPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const facilityId = session.activeFacilityId ?? session.facilities[0]?.id ?? '';
  const timeZone = useFacilityTimeZone(facilityId);
  const [date, setDate] = useState(() => todayIn(timeZone));
  const places = useQuery({ queryKey: facilityKeys.locations(facilityId), queryFn: () => locationsApi.tree(facilityId, false), enabled: !!facilityId });
  const wings = (places.data?.items ?? []).filter((p) => p.kind === 'wing').map((w) => ({ value: w.id, label: `${w.name} (${w.path})` }));
  const [wingId, setWingId] = useState<string | null>(null);
  useEffect(() => {
    if (!wingId && wings[0]) setWingId(wings[0].value);
  }, [wingId, wings]);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const sheet = useQuery({ queryKey: regimeKeys.sheet(facilityId, wingId ?? '', date), queryFn: () => regimeApi.sheet(facilityId, wingId!, date), enabled: !!facilityId && !!wingId && validDate });
  const [draft, setDraft] = useState<Record<string, Draft>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (sheet.data) setDraft(draftOf(sheet.data));
  }, [sheet.data]);
  useEffect(() => setPage(1), [wingId, date]);

  const save = useMutation({
    mutationFn: (all: boolean) =>
      regimeApi.save({
        facilityId,
        date,
        rows: Object.entries(draft)
          .filter(([, d]) => all || d.dirty)
          .map(([prisonerId, d]) => ({
            prisonerId,
            version: d.version,
            exerciseOfferedMinutes: d.exercise === 'not-offered' ? 0 : d.minutes,
            exerciseTakenMinutes: d.exercise === 'taken' ? d.minutes : 0,
            breakfast: d.breakfast,
            lunch: d.lunch,
            supper: d.supper,
            shower: d.shower,
            refusalReason: refused(d) ? d.refusalReason : '',
          })),
      }),
    onSuccess: (r) => {
      setSaved(r.saved);
      void queryClient.invalidateQueries({ queryKey: regimeKeys.all });
    },
  });
  const set = (id: string, change: Partial<Draft>) => {
    setSaved(null);
    save.reset();
    setDraft((d) => ({ ...d, [id]: { ...d[id]!, ...change, dirty: true } }));
  };
  const dirty = Object.values(draft).filter((d) => d.dirty).length;
  const missingReason = Object.values(draft).some((d) => (d.dirty || d.version === null) && refused(d) && !d.refusalReason.trim());
  const conflict = save.error instanceof ApiProblem && save.error.code === 'edit-conflict';
  const editable = can('regime.record');

  return (
    <div data-testid="regime-sheet-page">
      <PageHeader title={t('regime.sheet.title')} />
      <Text size="sm" mb="md">
        {t('regime.sheet.intro', { minutes: RULE_23_MINUTES })}
      </Text>
      <Group align="flex-end" mb="md">
        <Select label={t('regime.sheet.wing')} data={wings} value={wingId} onChange={setWingId} allowDeselect={false} maw={360} data-testid="regime-wing" />
        <DateField label={t('regime.sheet.date')} value={date} onChange={setDate} maw={220} data-testid="regime-date" />
      </Group>
      <QueryState isPending={sheet.isPending && !!wingId} error={sheet.error} />
      {sheet.data && (
        <Stack>
          <Title order={3} size="h4">
            {t('regime.sheet.heading', { date: formatDate(sheet.data.date, i18n.language), count: sheet.data.rows.length })}
          </Title>
          {sheet.data.rows.length === 0 && <Text>{t('regime.sheet.empty')}</Text>}
          {sheet.data.rows.slice((page - 1) * PAGE, page * PAGE).map(({ prisoner, day }) => {
            const d = draft[prisoner.id];
            if (!d) return null;
            return (
              <Card key={prisoner.id} withBorder padding="sm" data-testid="regime-row" data-number={prisoner.prisonNumber} data-recorded={String(!!day)}>
                <Group justify="space-between" mb={6}>
                  <Text fw={700}>{nameOwnScript(prisoner)}</Text>
                  <Text size="sm">
                    {prisoner.prisonNumber} · {prisoner.cellPath ?? '—'}
                    {day ? ` · ${t('regime.sheet.recordedBy', { by: day.recordedBy })}` : ''}
                  </Text>
                </Group>
                <Group gap="xs" align="flex-end">
                  <Group gap={4} wrap="nowrap">
                    <Toggle label={t('regime.fields.exercise')} value={d.exercise} onChange={(v) => set(prisoner.id, { exercise: v })} disabled={!editable} testId="regime-exercise" who={nameOwnScript(prisoner)} />
                    {d.exercise !== 'not-offered' && (
                      <NumberInput w={92} h={48} size="md" value={d.minutes} onChange={(v) => set(prisoner.id, { minutes: Number(v) || 0 })} min={1} max={720} step={15} suffix={` ${t('regime.min')}`} aria-label={t('regime.fields.minutes')} disabled={!editable} data-testid="regime-minutes" />
                    )}
                  </Group>
                  {(['breakfast', 'lunch', 'supper', 'shower'] as const).map((k) => (
                    <Toggle key={k} label={t(`regime.fields.${k}`)} value={d[k]} onChange={(v) => set(prisoner.id, { [k]: v })} disabled={!editable} testId={`regime-${k}`} who={nameOwnScript(prisoner)} />
                  ))}
                </Group>
                {refused(d) && (
                  <TextInput mt="xs" label={t('regime.fields.refusalReason')} value={d.refusalReason} onChange={(e) => set(prisoner.id, { refusalReason: e.currentTarget.value })} required error={d.refusalReason.trim() ? undefined : t('regime.sheet.reasonNeeded')} disabled={!editable} data-testid="regime-reason" />
                )}
              </Card>
            );
          })}
          {sheet.data.rows.length > PAGE && <Pagination total={Math.ceil(sheet.data.rows.length / PAGE)} value={page} onChange={setPage} size="lg" aria-label={t('regime.sheet.pages')} getControlProps={(control) => ({ 'aria-label': t(`regime.sheet.${control === 'previous' ? 'previousPage' : control === 'next' ? 'nextPage' : control === 'first' ? 'firstPage' : 'lastPage'}`) })} data-testid="regime-pages" />}
          {save.error && <ProblemAlert error={save.error} onReload={conflict ? () => void sheet.refetch() : undefined} />}
          {saved !== null && (
            <Alert color="teal.9" variant="outline" data-testid="regime-saved">
              {t('regime.sheet.saved', { count: saved })}
            </Alert>
          )}
          {editable && sheet.data.rows.length > 0 && (
            <Group justify="space-between">
              <Text size="sm">{t('regime.sheet.changed', { count: dirty })}</Text>
              <Group>
                <Button size="md" variant="default" onClick={() => save.mutate(true)} disabled={missingReason} loading={save.isPending} data-testid="regime-save-all">
                  {t('regime.sheet.saveAll')}
                </Button>
                <Button size="md" onClick={() => save.mutate(false)} disabled={dirty === 0 || missingReason} loading={save.isPending} data-testid="regime-save">
                  {t('regime.sheet.save')}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      )}
    </div>
  );
}
