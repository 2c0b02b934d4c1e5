import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Intake } from '@vigil/contracts';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { nameOwnScript } from '../prisoners/prisoner-format.ts';
import { CancelIntakeDialog } from './cancel-intake-dialog.tsx';
import { nextStep, previousStep, resumeStep, STEPS, stepState, type StepKey, type StepState } from './intake-steps.ts';
import { DismissMatches } from './dismiss-matches.tsx';
import { PossibleMatches } from './possible-matches.tsx';
import { receptionApi, receptionKeys } from './reception-api.ts';
import { ArrivalStep } from './steps/arrival-step.tsx';
import { CommitmentStep } from './steps/commitment-step.tsx';
import { HealthStep } from './steps/health-step.tsx';
import { IdentityStep } from './steps/identity-step.tsx';
import { LegalStep } from './steps/legal-step.tsx';
import { PropertyStep } from './steps/property-step.tsx';
import { ReviewStep } from './steps/review-step.tsx';

export function IntakePage() {
  const { intakeId } = useParams({ from: '/reception/$intakeId' });
  const intake = useQuery({ queryKey: receptionKeys.one(intakeId), queryFn: () => receptionApi.get(intakeId) });
  return (
    <div data-testid="intake-page">
      <QueryState isPending={intake.isPending} error={intake.error} />
      {intake.data && <IntakeWizard intake={intake.data} />}
    </div>
  );
}

// The choice to re-admit a known person is sent only at completion; keep it across reloads of the page.
const linkKey = (intakeId: string) => `vigil.intake.${intakeId}.existingPrisonerId`;

function IntakeWizard({ intake }: { intake: Intake }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<StepKey>(() => resumeStep(intake));
  const [checkingMatches, setCheckingMatches] = useState(false);
  const [linkedId, setLinkedIdState] = useState<string | null>(() => sessionStorage.getItem(linkKey(intake.id)));
  const [cancelling, setCancelling] = useState(false);
  const name = nameOwnScript(intake.data.identity ?? {}) || t('reception.unnamed');

  const setLinkedId = (id: string | null) => {
    if (id) sessionStorage.setItem(linkKey(intake.id), id);
    else sessionStorage.removeItem(linkKey(intake.id));
    setLinkedIdState(id);
  };
  const go = (next: StepKey) => {
    setCheckingMatches(false);
    setStep(next);
    window.scrollTo({ top: 0 });
  };

  if (intake.status === 'completed' || intake.status === 'cancelled') {
    return (
      <Stack>
        <PageHeader title={t('reception.intakeOf', { name })} />
        <Alert color={intake.status === 'completed' ? 'teal.9' : 'gray.8'} variant="outline" data-testid="intake-closed">
          {intake.status === 'completed' ? t('reception.completedNote') : t('reception.cancelledNote', { reason: intake.cancelReason ?? '—' })}
        </Alert>
        {intake.prisonerId && (
          <div>
            <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: intake.prisonerId }}>
              {t('reception.openFile')}
            </AnchorLink>
          </div>
        )}
      </Stack>
    );
  }

  const onSaved = (saved: Intake, advance: boolean) => {
    if (!advance) return;
    if (step !== 'identity') return go(nextStep(step));
    // After identity: is this person already known somewhere? (Checked across all facilities.)
    void queryClient
      .fetchQuery({ queryKey: receptionKeys.matches(saved.id), queryFn: () => receptionApi.matches(saved.id), staleTime: 0 })
      .then((m) => (m.items.length > 0 ? setCheckingMatches(true) : go('commitment')))
      .catch(() => go('commitment'));
  };
  const props = { intake, onSaved, onBack: step === 'identity' ? undefined : () => go(previousStep(step)) };
  // Each step keeps its own draft; a new version (after a save or a reload) starts it afresh.
  const key = `${step}-${intake.version}`;

  return (
    <Stack>
      <PageHeader title={t('reception.intakeOf', { name })}>
        <Button variant="subtle" color="red" onClick={() => setCancelling(true)} data-testid="cancel-intake">
          {t('reception.cancelIntake')}
        </Button>
      </PageHeader>
      <StepNav intake={intake} current={step} onSelect={go} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        {checkingMatches ? (
          <Stack data-testid="duplicate-check">
            <Text fw={600}>{t('reception.matches.heading')}</Text>
            <PossibleMatches intakeId={intake.id} linkedId={linkedId} onLink={setLinkedId} />
            {linkedId ? (
              <Group justify="flex-end">
                <Button onClick={() => go('commitment')} data-testid="matches-continue">
                  {t('reception.matches.continueLinked')}
                </Button>
              </Group>
            ) : (
              <DismissMatches intake={intake} onDismissed={() => go('commitment')} />
            )}
          </Stack>
        ) : (
          <>
            {step === 'identity' && <IdentityStep key={key} {...props} />}
            {step === 'commitment' && <CommitmentStep key={key} {...props} />}
            {step === 'legal' && <LegalStep key={key} {...props} />}
            {step === 'health' && <HealthStep key={key} {...props} />}
            {step === 'property' && <PropertyStep key={key} {...props} />}
            {step === 'arrival' && <ArrivalStep key={key} {...props} />}
            {step === 'review' && (
              <ReviewStep
                key={key}
                intake={intake}
                linkedId={linkedId}
                onLink={setLinkedId}
                onGoto={go}
                onBack={() => go(previousStep('review'))}
                onCompleted={(prisoner) => {
                  sessionStorage.removeItem(linkKey(intake.id));
                  void navigate({ to: '/prisoners/$prisonerId', params: { prisonerId: prisoner.id } });
                }}
              />
            )}
          </>
        )}
      </Paper>
      <CancelIntakeDialog intake={cancelling ? intake : null} onClose={() => setCancelling(false)} onCancelled={() => void navigate({ to: '/reception' })} />
    </Stack>
  );
}

const MARK: Record<StepState, string> = { done: '✓', missing: '!', todo: '' };

/** The steps as a row of buttons that wraps on a tablet; any step can be opened at any time. */
function StepNav({ intake, current, onSelect }: { intake: Intake; current: StepKey; onSelect: (s: StepKey) => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('reception.stepsLabel')}>
      <Group component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="step-nav">
        {STEPS.map((s, i) => {
          const state = stepState(intake, s.key);
          const active = s.key === current;
          return (
            <li key={s.key}>
              <UnstyledButton
                onClick={() => onSelect(s.key)}
                aria-current={active ? 'step' : undefined}
                data-testid={`nav-step-${s.key}`}
                data-state={state}
                px="sm"
                py={6}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  border: '1px solid var(--mantine-color-default-border)',
                  background: active ? 'var(--mantine-color-blue-filled)' : undefined,
                  color: active ? 'var(--mantine-color-white)' : undefined,
                  fontWeight: active ? 700 : 400,
                }}
              >
                {i + 1}. {t(`reception.steps.${s.key}`)}
                {MARK[state] && (
                  <span aria-label={t(`reception.stepState.${state}`)} role="img" style={{ marginLeft: 6 }}>
                    {MARK[state]}
                  </span>
                )}
              </UnstyledButton>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
