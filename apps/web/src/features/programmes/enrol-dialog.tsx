import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Programme, PrisonerSearchHit } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { AppModal } from '../../ui/app-modal.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { nameOwnScript } from '../prisoners/prisoner-format.ts';
import { prisonerKeys, prisonersApi } from '../prisoners/prisoners-api.ts';
import { programmeKeys, programmesApi } from './programmes-api.ts';
import { programmeName, ruleText } from './programme-text.ts';
import { useAlertNames } from './use-alert-names.ts';

/**
 * Enrols a prisoner found by name or number. A full programme refuses and offers the waiting list
 * (the caseworker chooses it); an ineligible prisoner is refused with each rule they fail named.
 */
export function EnrolDialog({ programme, opened, onClose }: { programme: Programme; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const alerts = useAlertNames();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<PrisonerSearchHit | null>(null);
  const [waitingList, setWaitingList] = useState(false);
  const filters = { q, includeReleased: false, facilityId: programme.facilityId };
  const hits = useQuery({ queryKey: prisonerKeys.search(filters), queryFn: () => prisonersApi.search(filters), enabled: q.trim().length >= 2 && !chosen });
  const enrol = useMutation({
    mutationFn: (queue: boolean) => programmesApi.enrol(programme.id, { prisonerId: chosen!.id, waitingList: queue }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      close();
    },
  });
  const close = () => {
    setQ('');
    setChosen(null);
    setWaitingList(false);
    enrol.reset();
    onClose();
  };
  const problem = enrol.error instanceof ApiProblem ? enrol.error.problem : null;
  const failedRules = (problem?.errors ?? []).flatMap((e) => {
    const m = /^eligibility\.(\d+)$/.exec(e.path);
    const rule = m ? programme.eligibility[Number(m[1])] : undefined;
    return rule ? [ruleText(rule, t, alerts.name)] : [];
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('programmes.enrol.title', { programme: programmeName(programme, i18n.language) })} size="lg">
      <Stack data-testid="enrol-dialog">
        {!chosen ? (
          <>
            <TextInput label={t('programmes.enrol.search')} description={t('programmes.enrol.searchHelp')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-autofocus data-testid="enrol-search" />
            {hits.data?.items.length === 0 && <Text size="sm">{t('programmes.enrol.noMatches')}</Text>}
            <Stack gap={4}>
              {hits.data?.items.map((p) => (
                <UnstyledButton key={p.id} onClick={() => setChosen(p)} data-testid="enrol-hit" p="xs" style={{ borderRadius: 4, border: '1px solid var(--mantine-color-default-border)' }}>
                  <Text fw={600}>{nameOwnScript(p)}</Text>
                  <Text size="sm">
                    {p.prisonNumber} · {t(`prisoners.legalStatus.${p.legalStatus}`)} · {t(`locations.security.${p.securityCategory}`)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </>
        ) : (
          <>
            <Group justify="space-between">
              <div>
                <Text fw={600} data-testid="enrol-chosen">
                  {nameOwnScript(chosen)}
                </Text>
                <Text size="sm">{chosen.prisonNumber}</Text>
              </div>
              <Button variant="subtle" onClick={() => (setChosen(null), enrol.reset())}>
                {t('programmes.enrol.another')}
              </Button>
            </Group>
            <Checkbox label={t('programmes.enrol.waitingList')} description={t('programmes.enrol.waitingListHelp')} checked={waitingList} onChange={(e) => setWaitingList(e.currentTarget.checked)} data-testid="enrol-waiting" />
            {enrol.error ? (
              failedRules.length > 0 ? (
                <Alert color="red" variant="outline" role="alert" title={problem!.title} data-testid="problem">
                  <Text size="sm">{t('programmes.enrol.failedRules')}</Text>
                  <List size="sm" data-testid="enrol-failed-rules">
                    {failedRules.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : (
                <ProblemAlert error={enrol.error} />
              )
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              {problem?.code === 'programme-full' && !waitingList ? (
                <Button onClick={() => (setWaitingList(true), enrol.mutate(true))} loading={enrol.isPending} data-testid="enrol-queue">
                  {t('programmes.enrol.queueInstead')}
                </Button>
              ) : (
                <Button onClick={() => enrol.mutate(waitingList)} loading={enrol.isPending} data-testid="enrol-save">
                  {waitingList ? t('programmes.enrol.queue') : t('programmes.enrol.save')}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </AppModal>
  );
}
