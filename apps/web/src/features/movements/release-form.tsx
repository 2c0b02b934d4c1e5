import { Alert, Badge, Button, Checkbox, Fieldset, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { forwardRef, useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RELEASE_BASES, ReleaseBody, type Prisoner, type ReleaseBasis, type ReleaseCheck } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { ContractForm } from '../../ui/form/contract-form.tsx';
import { readRefusal } from '../../ui/form/refusal.ts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
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

/** The release-blocked problem's reasons (its `errors[].message` are blocker codes), or none for any other problem. */
const blockedFor = (error: unknown): string[] => (error instanceof ApiProblem && error.code === 'release-blocked' ? (error.problem.errors ?? []).map((e) => e.message) : []);

function ReleaseDetails({ prisoner, check, onDone, onCancel }: { prisoner: Prisoner; check: ReleaseCheck; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useMovementRefresh(prisoner.id);
  const initial = { basis: (check.due ? 'sentence-served' : 'court-order') as ReleaseBasis, orderReference: '', notifications: { family: false, police: false, probation: false } };
  return (
    <ContractForm
      initial={initial}
      schema={ReleaseBody}
      toBody={(v) => ({ ...v, version: check.version })}
      submit={(body) => movementsApi.release(prisoner.id, body)}
      onSaved={() => {
        refresh();
        onDone();
      }}
      onCancel={onCancel}
      onReload={refresh}
      // The blockers are listed at the top (aboveFields), so the alert above the buttons leaves them out.
      readRefusal={(error) => {
        const refusal = readRefusal(error, t);
        return blockedFor(error).length > 0 ? { ...refusal, alert: null } : refusal;
      }}
      aboveFields={(error) => <Blockers error={error} check={check} prisoner={prisoner} />}
      submitLabel={t('movements.release.submit')}
      submitColor="red"
      saveTestId="release-save"
    >
      {(form) => (
        <>
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

          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {/* The blockers say why a basis is refused in words, so the choice itself is not marked. */}
            <Select
              label={t('movements.release.basis')}
              data={RELEASE_BASES.map((b) => ({ value: b, label: t(`movements.release.bases.${b}`) }))}
              value={form.values.basis}
              onChange={(b) => b && form.set('basis', b as ReleaseBasis)}
              allowDeselect={false}
              data-testid="release-basis"
            />
            <TextInput label={t('movements.release.orderReference')} description={t('movements.release.orderHelp')} {...form.text('orderReference')} maxLength={100} />
          </SimpleGrid>
          <Fieldset legend={t('movements.release.notifications')} variant="unstyled">
            <Group mt="xs">
              <Checkbox label={t('movements.release.notify.family')} {...form.checkbox('notifications.family')} name="notify-family" />
              <Checkbox label={t('movements.release.notify.police')} {...form.checkbox('notifications.police')} name="notify-police" />
              <Checkbox label={t('movements.release.notify.probation')} {...form.checkbox('notifications.probation')} name="notify-probation" />
            </Group>
          </Fieldset>
        </>
      )}
    </ContractForm>
  );
}

/**
 * Why the release cannot go ahead, first in the dialog where it is seen without scrolling: the
 * server's refusal once there is one, the check's blockers before.
 */
function Blockers({ error, check, prisoner }: { error: unknown; check: ReleaseCheck; prisoner: Prisoner }) {
  const { t } = useTranslation();
  // Property handed back since the refusal no longer stands in the way.
  const refused = blockedFor(error).filter((code) => code !== 'property-outstanding' || check.propertyOutstanding.length > 0);
  // A refusal answers the button at the bottom of a long dialog: bring its reasons into view. In the
  // next frame, after the form has focused the field the refusal marks, so this scroll comes last.
  const refusedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused.length === 0) return;
    const frame = requestAnimationFrame(() => refusedRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
    return () => cancelAnimationFrame(frame);
  }, [refused.length, error]);
  if (refused.length > 0) return <BlockersAlert ref={refusedRef} title={t('movements.release.refused')} codes={refused} check={check} prisoner={prisoner} testId="release-refused" />;
  if (check.blockers.length === 0) return null;
  return <BlockersAlert title={t('movements.release.blockersTitle')} codes={check.blockers} check={check} prisoner={prisoner} testId="release-blockers" />;
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
