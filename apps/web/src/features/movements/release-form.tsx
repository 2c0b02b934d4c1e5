import { Alert, Badge, Button, Checkbox, Fieldset, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { forwardRef, useEffect, useRef } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RELEASE_BASES, ReleaseBody, type Prisoner, type ReleaseBasis, type ReleaseCheck } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { formatDate } from '../prisoners/prisoner-format.ts';
import { movementKeys, movementsApi } from './movements-api.ts';
import { PropertyTable, useReturnProperty } from './property-panel.tsx';
import { useMovementRefresh } from './use-movement-refresh.ts';

/**
 * The release: what the check found (due date, property still held, alerts in force), then the
 * basis, the order it rests on and who was told. The server refuses with every blocker listed.
 */
export function ReleaseForm({ prisoner, onDone, onCancel }: { prisoner: Prisoner; onDone: () => void; onCancel: () => void }) {
  const check = useQuery({ queryKey: movementKeys.releaseCheck(prisoner.id), queryFn: () => movementsApi.releaseCheck(prisoner.id) });
  return (
    <Stack data-testid="release-form">
      <QueryState isPending={check.isPending} error={check.error} />
      {check.data && <ReleaseDetails prisoner={prisoner} check={check.data} onDone={onDone} onCancel={onCancel} />}
    </Stack>
  );
}

function ReleaseDetails({ prisoner, check, onDone, onCancel }: { prisoner: Prisoner; check: ReleaseCheck; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useMovementRefresh(prisoner.id);
  const form = useForm({ basis: (check.due ? 'sentence-served' : 'court-order') as ReleaseBasis, orderReference: '', family: false, police: false, probation: false });
  const v = form.values;
  const release = useMutation({
    mutationFn: async () => {
      const body = form.check(
        ReleaseBody,
        { basis: v.basis, orderReference: v.orderReference, notifications: { family: v.family, police: v.police, probation: v.probation }, version: check.version },
        t,
      );
      return body ? movementsApi.release(prisoner.id, body) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      refresh();
      onDone();
    },
  });
  const errors = { ...serverFieldErrors(release.error, t), ...form.errors };
  const refusedFor = release.error instanceof ApiProblem && release.error.code === 'release-blocked' ? (release.error.problem.errors ?? []).map((e) => e.message) : [];
  // Property handed back since the refusal no longer stands in the way.
  const refused = refusedFor.filter((code) => code !== 'property-outstanding' || check.propertyOutstanding.length > 0);
  // A refusal answers the button at the bottom of a long dialog: bring its reasons into view.
  const refusedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused.length > 0) refusedRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [refused.length, release.error]);

  return (
    <>
      {/* Why it cannot go ahead comes first, where it is seen without scrolling the dialog. */}
      {refused.length > 0 ? (
        <BlockersAlert ref={refusedRef} title={t('movements.release.refused')} codes={refused} check={check} prisoner={prisoner} testId="release-refused" />
      ) : (
        check.blockers.length > 0 && <BlockersAlert title={t('movements.release.blockersTitle')} codes={check.blockers} check={check} prisoner={prisoner} testId="release-blockers" />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Text size="sm" fw={600}>
            {t('movements.release.dueDate')}
          </Text>
          <Group gap="xs" data-testid="release-due">
            <Text>{check.dueDate ? formatDate(check.dueDate, i18n.language) : t('movements.release.noDate')}</Text>
            <Badge color={check.due ? 'teal.9' : 'red.9'}>{check.due ? t('movements.release.due') : t('movements.release.notDue')}</Badge>
          </Group>
        </div>
      </SimpleGrid>

      <Title order={3} size="h5">
        {t('movements.release.propertyTitle')}
      </Title>
      {check.propertyOutstanding.length === 0 ? (
        <Text size="sm" data-testid="property-all-back">
          {t('movements.release.propertyAllBack')}
        </Text>
      ) : (
        <PropertyTable prisoner={prisoner} items={check.propertyOutstanding} mayReturn />
      )}

      <Title order={3} size="h5">
        {t('movements.release.alertsTitle')}
      </Title>
      {check.activeAlerts.length === 0 ? (
        <Text size="sm">{t('movements.release.noAlerts')}</Text>
      ) : (
        <Alert color="grape" variant="outline" title={t('movements.release.alertsHelp')} data-testid="release-alerts">
          <Group gap="xs">
            {check.activeAlerts.map((a) => (
              <Badge key={`${a.code}-${a.startsOn}`} color="red.9">
                {a.name}
              </Badge>
            ))}
          </Group>
        </Alert>
      )}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          release.mutate();
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('movements.release.basis')}
              data={RELEASE_BASES.map((b) => ({ value: b, label: t(`movements.release.bases.${b}`) }))}
              value={v.basis}
              onChange={(b) => b && form.set('basis', b as ReleaseBasis)}
              allowDeselect={false}
              data-testid="release-basis"
            />
            <TextInput
              label={t('movements.release.orderReference')}
              description={t('movements.release.orderHelp')}
              name="orderReference"
              value={v.orderReference}
              onChange={(e) => form.set('orderReference', e.currentTarget.value)}
              error={errors.orderReference}
              maxLength={100}
            />
          </SimpleGrid>
          <Fieldset legend={t('movements.release.notifications')} variant="unstyled">
            <Group mt="xs">
              <Checkbox label={t('movements.release.notify.family')} checked={v.family} onChange={(e) => form.set('family', e.currentTarget.checked)} name="notify-family" />
              <Checkbox label={t('movements.release.notify.police')} checked={v.police} onChange={(e) => form.set('police', e.currentTarget.checked)} name="notify-police" />
              <Checkbox label={t('movements.release.notify.probation')} checked={v.probation} onChange={(e) => form.set('probation', e.currentTarget.checked)} name="notify-probation" />
            </Group>
          </Fieldset>
          {refusedFor.length === 0 && (
            <ProblemAlert
              error={release.error}
              onReload={() => {
                release.reset();
                refresh();
              }}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={release.isPending} data-testid="release-save">
              {t('movements.release.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/**
 * What stands in the way of the release, each reason in words; property still held can be handed
 * back from here, in the same flow, without hunting for the list further down.
 */
interface BlockersProps {
  title: string;
  codes: string[];
  check: ReleaseCheck;
  prisoner: Prisoner;
  testId: string;
}

const BlockersAlert = forwardRef<HTMLDivElement, BlockersProps>(function BlockersAlert({ title, codes, check, prisoner, testId }, ref) {
  const { t } = useTranslation();
  const giveBack = useReturnProperty(prisoner.id);
  const held = check.propertyOutstanding.filter((i) => i.returnedAt === null);
  return (
    <Alert ref={ref} color="red" variant="outline" role="alert" title={title} data-testid={testId} style={{ scrollMarginTop: 80 }}>
      <List size="sm">
        {codes.map((code) => (
          <List.Item key={code} data-blocker={code}>
            {t(`movements.release.blockers.${code}`)}
          </List.Item>
        ))}
      </List>
      {codes.includes('property-outstanding') && held.length > 0 && (
        <Group mt="sm" gap="xs">
          <Button size="sm" variant="default" loading={giveBack.isPending} onClick={() => giveBack.mutate(held.map((i) => i.id))} data-testid="release-return-property">
            {t('movements.release.returnHeld', { count: held.length })}
          </Button>
        </Group>
      )}
      <ProblemAlert error={giveBack.error} />
    </Alert>
  );
});
