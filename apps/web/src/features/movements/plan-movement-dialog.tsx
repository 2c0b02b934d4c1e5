import { useState } from 'react';
import { Alert, Button, Group, List, Select, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_PURPOSES, type Location, type PrisonerSearchHit } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { nameOwnScript } from '../prisoners/prisoner-format.ts';
import { prisonerKeys, prisonersApi } from '../prisoners/prisoners-api.ts';
import { movementControlApi, movementControlKeys, todayIn, zonedInstant } from './movement-control-api.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Places a prisoner is taken to: everything but the residential tree. */
const DESTINATIONS = new Set(['yard', 'workshop', 'visits-hall', 'healthcare', 'kitchen', 'segregation-unit']);

/**
 * Plans a movement out of cell. The server checks it against every rule (keep-apart, the zone's
 * restricted prisoners, regime times, escort); a refusal names each rule broken, and someone with
 * allocation.override may plan it anyway with a reason.
 */
export function PlanMovementDialog({ facilityId, timeZone, places, opened, onClose }: { facilityId: string; timeZone: string; places: Location[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<PrisonerSearchHit | null>(null);
  const [purpose, setPurpose] = useState<string>('exercise');
  const [to, setTo] = useState<string | null>(null);
  const [day, setDay] = useState(() => todayIn(timeZone));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:00');
  const [escort, setEscort] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const filters = { q, includeReleased: false, facilityId };
  const hits = useQuery({ queryKey: prisonerKeys.search(filters), queryFn: () => prisonersApi.search(filters), enabled: q.trim().length >= 2 && !chosen });
  const plan = useMutation({
    mutationFn: (override: boolean) =>
      movementControlApi.plan({
        prisonerId: chosen!.id,
        purpose: purpose as (typeof MOVEMENT_PURPOSES)[number],
        toLocationId: to!,
        plannedStart: zonedInstant(day, start, timeZone),
        plannedEnd: zonedInstant(day, end, timeZone),
        escort,
        ...(override ? { override: { reason: overrideReason.trim() } } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: movementControlKeys.all });
      close();
    },
  });
  const close = () => {
    setQ('');
    setChosen(null);
    setTo(null);
    setEscort('');
    setOverrideReason('');
    plan.reset();
    onClose();
  };
  const problem = plan.error instanceof ApiProblem ? plan.error.problem : null;
  const broken = (problem?.errors ?? []).map((e) => e.message).filter((m) => m.startsWith('movement-'));
  const timesOk = TIME.test(start) && TIME.test(end) && end > start && /^\d{4}-\d{2}-\d{2}$/.test(day);
  const ready = !!chosen && !!to && timesOk;
  const destinations = places.filter((p) => p.active && DESTINATIONS.has(p.kind)).map((p) => ({ value: p.id, label: `${p.name} (${p.path})` }));

  return (
    <AppModal opened={opened} onClose={close} title={t('movements.control.plan')} size="lg">
      <Stack data-testid="plan-movement-form">
        {chosen ? (
          <Group justify="space-between">
            <Text fw={600} data-testid="plan-prisoner">
              {nameOwnScript(chosen)} · {chosen.prisonNumber}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => setChosen(null)}>
              {t('movements.control.otherPrisoner')}
            </Button>
          </Group>
        ) : (
          <>
            <TextInput label={t('movements.control.findPrisoner')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="plan-search" autoFocus />
            <List listStyleType="none" spacing={4}>
              {(hits.data?.items ?? []).slice(0, 8).map((h) => (
                <List.Item key={h.id}>
                  <UnstyledButton onClick={() => setChosen(h)} data-testid="plan-hit" data-number={h.prisonNumber}>
                    {nameOwnScript(h)} · {h.prisonNumber}
                  </UnstyledButton>
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Select label={t('movements.control.purpose')} data={MOVEMENT_PURPOSES.map((p) => ({ value: p, label: t(`movements.control.purposes.${p}`) }))} value={purpose} onChange={(v) => setPurpose(v ?? 'exercise')} allowDeselect={false} data-testid="plan-purpose" />
        <Select label={t('movements.control.to')} data={destinations} value={to} onChange={setTo} searchable nothingFoundMessage={t('movements.control.noPlaces')} data-testid="plan-to" required />
        <Group grow align="flex-start">
          <DateField label={t('movements.control.day')} value={day} onChange={setDay} required data-testid="plan-day" />
          <TextInput label={t('movements.control.from')} value={start} onChange={(e) => setStart(e.currentTarget.value)} placeholder="09:00" required data-testid="plan-start" error={TIME.test(start) ? undefined : t('movements.control.timeFormat')} />
          <TextInput label={t('movements.control.until')} value={end} onChange={(e) => setEnd(e.currentTarget.value)} placeholder="10:00" required data-testid="plan-end" error={TIME.test(end) && end > start ? undefined : t('movements.control.timeFormat')} />
        </Group>
        <TextInput label={t('movements.control.escort')} value={escort} onChange={(e) => setEscort(e.currentTarget.value)} data-testid="plan-escort" />
        {plan.error && <ProblemAlert error={plan.error} />}
        {broken.length > 1 && (
          <Alert color="red" variant="light" title={t('movements.control.brokenRules')} data-testid="plan-broken">
            <List size="sm">
              {broken.map((code, i) => (
                <List.Item key={`${code}-${i}`}>{t(`movements.control.rules.${code}`)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {broken.length > 0 && can('allocation.override') && (
          <Textarea label={t('movements.control.overrideReason')} description={t('movements.control.overrideHelp')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} autosize minRows={2} data-testid="plan-override-reason" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {broken.length > 0 && can('allocation.override') && (
            <Button color="red" disabled={!ready || overrideReason.trim().length === 0} loading={plan.isPending} onClick={() => plan.mutate(true)} data-testid="plan-override">
              {t('movements.control.override')}
            </Button>
          )}
          <Button disabled={!ready} loading={plan.isPending} onClick={() => plan.mutate(false)} data-testid="plan-save">
            {t('movements.control.planSave')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
