import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { itemApplies, LANGUAGES, problemMessage, PROBLEMS, type Assessment, type InstrumentDefinition, type Language, type Prisoner, type ProblemCode } from '@vigil/contracts';
import { ApiProblem } from '../../api/client.ts';
import { useCan, useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { formatDate, formatTimestamp, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { prisonerKeys, prisonersApi } from '../prisoners/prisoners-api.ts';
import { AssessmentForm, type Draft } from './assessment-form.tsx';
import { judgementName } from './assessment-text.ts';
import { StatusBadge } from './assessments-tab.tsx';
import { assessmentKeys, assessmentsApi } from './assessments-api.ts';
import { inLanguage } from './instrument-text.ts';

const asLanguage = (l: string): Language => ((LANGUAGES as readonly string[]).includes(l) ? (l as Language) : 'en');

/** An assessment with what it needs: its prisoner (whose sex decides the women-only items) and its instrument version. */
export function AssessmentPage() {
  const { assessmentId } = useParams({ from: '/assessments/$assessmentId' });
  const one = useQuery({ queryKey: assessmentKeys.one(assessmentId), queryFn: () => assessmentsApi.one(assessmentId) });
  const a = one.data;
  const prisoner = useQuery({ queryKey: prisonerKeys.one(a?.prisonerId ?? ''), queryFn: () => prisonersApi.get(a!.prisonerId), enabled: !!a });
  const history = useQuery({ queryKey: assessmentKeys.history(a?.instrument.code ?? ''), queryFn: () => assessmentsApi.instrumentHistory(a!.instrument.code), enabled: !!a });
  // The version the assessment was opened under, as the server stored it (checked against the contract on import).
  const def = history.data?.items.find((v) => v.version === a?.instrument.version)?.data as InstrumentDefinition | undefined;
  const error = one.error ?? prisoner.error ?? history.error;

  return (
    <div data-testid="assessment-page" data-status={a?.status}>
      <QueryState isPending={!a || !prisoner.data || !def} error={error} />
      {a && prisoner.data && def && <AssessmentView key={a.id} assessment={a} prisoner={prisoner.data} def={def} />}
    </div>
  );
}

const toDraft = (a: Assessment): Draft => ({
  ratings: Object.fromEntries(Object.entries(a.ratings).map(([code, r]) => [code, { level: r.level, evidence: r.evidence ?? '', source: r.source ?? '' }])),
  formulation: a.formulation ?? '',
  judgement: a.judgement ?? '',
});

function AssessmentView({ assessment: a, prisoner, def }: { assessment: Assessment; prisoner: Prisoner; def: InstrumentDefinition }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => toDraft(a));
  const [returning, setReturning] = useState(false);
  const items = def.items.filter((i) => itemApplies(def, i, prisoner.sex));
  const mine = a.assessor.id === session.user.id;
  const editable = a.status === 'draft' && mine && can('assessments.assess');
  const own = mine || a.createdBy === session.user.username;

  const stored = (next: Assessment) => {
    queryClient.setQueryData(assessmentKeys.one(a.id), next);
    void queryClient.invalidateQueries({ queryKey: assessmentKeys.ofPrisoner(a.prisonerId) });
    void queryClient.invalidateQueries({ queryKey: ['assessments', 'due'] });
  };
  const body = () => ({
    version: a.version,
    // Only what has a level is a rating; the assessor may have written evidence before choosing one.
    ratings: Object.fromEntries(Object.entries(draft.ratings).filter(([, r]) => r.level).map(([code, r]) => [code, { level: r.level, evidence: r.evidence.trim() || undefined, source: r.source.trim() || undefined }])),
    formulation: draft.formulation.trim() || undefined,
    judgement: draft.judgement || undefined,
  });
  const save = useMutation({ mutationFn: () => assessmentsApi.save(a.id, body()), onMutate: (): void => submit.reset(), onSuccess: stored });
  // Submitting saves what is on screen first, so nothing typed is lost, then hands it over.
  const submit = useMutation({
    onMutate: (): void => save.reset(),
    mutationFn: async () => {
      const saved = await assessmentsApi.save(a.id, body());
      // Saved even if the submission is refused: the next try goes from the saved version.
      stored(saved);
      return assessmentsApi.submit(a.id, saved.version);
    },
    onSuccess: stored,
  });
  const approve = useMutation({ mutationFn: () => assessmentsApi.approve(a.id, a.version), onSuccess: stored });
  const giveBack = useMutation({ mutationFn: (reason: string) => assessmentsApi.returnToDraft(a.id, a.version, reason), onSuccess: stored });
  const failed = save.error ?? submit.error ?? approve.error;
  const faults = faultsOf(failed, i18n.language);
  const instrumentName = inLanguage(def.names, i18n.language);
  const reload = () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.one(a.id) });

  return (
    <Stack gap="md">
      <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: prisoner.id }} size="sm">
        {t('assessments.page.back', { name: nameOwnScript(prisoner), number: prisoner.prisonNumber })}
      </AnchorLink>
      <PageHeader title={instrumentName}>
        <StatusBadge status={a.status} />
      </PageHeader>
      <Text size="sm" data-testid="assessment-facts">
        {t('assessments.page.facts', { name: nameOwnScript(prisoner), number: prisoner.prisonNumber, version: a.instrument.version, assessor: a.assessor.username, started: formatTimestamp(a.createdAt, i18n.language) })}
      </Text>
      <Text size="xs" c="dimmed">
        {inLanguage(def.licence.notice, i18n.language)}
      </Text>

      {a.status === 'draft' && a.returnReason && (
        <Alert color="orange" variant="outline" title={t('assessments.page.returned')} data-testid="assessment-returned">
          {a.returnReason}
        </Alert>
      )}
      {a.status === 'draft' && !mine && <Alert variant="outline">{t('assessments.page.notAssessor', { assessor: a.assessor.username })}</Alert>}
      {a.status === 'submitted' && (
        <Alert variant="outline" data-testid="assessment-awaiting">
          {t('assessments.page.awaiting', { on: formatTimestamp(a.submittedAt, i18n.language) })}
          {/* Four eyes: the author and the assessor never countersign; say so before anyone tries. */}
          {own && <Text size="sm" mt="xs" data-testid="assessment-own">{problemMessage('assessment-own-approval', asLanguage(i18n.language))}</Text>}
        </Alert>
      )}
      {a.status === 'approved' && (
        <Alert color="teal" variant="outline" title={t('assessments.page.lockedTitle')} data-testid="assessment-locked">
          {t('assessments.page.locked', { by: a.approvedBy, on: formatTimestamp(a.approvedAt, i18n.language), judgement: judgementName(def, a.judgement, i18n.language), next: formatDate(a.nextReviewOn, i18n.language) })}
        </Alert>
      )}

      <AssessmentForm def={def} items={items} draft={draft} onChange={setDraft} editable={editable} faults={faults} />

      {failed instanceof ApiProblem && failed.problem.errors?.length ? (
        <Alert color="red" variant="outline" role="alert" title={failed.problem.title} data-testid="assessment-faults">
          <Text size="sm">{t('assessments.page.faultsIntro')}</Text>
          <ul>
            {Object.entries(faults).map(([path, message]) => (
              <li key={path}>
                <Text size="sm">
                  {placeOf(path, def, i18n.language, t)}: {message}
                </Text>
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <ProblemAlert error={failed} onReload={reload} />
      )}

      {editable && (
        <Group>
          <Button variant="default" loading={save.isPending} disabled={submit.isPending} onClick={() => save.mutate()} data-testid="assessment-save">
            {t('assessments.page.save')}
          </Button>
          <Button loading={submit.isPending} disabled={save.isPending} onClick={() => submit.mutate()} data-testid="assessment-submit">
            {t('assessments.page.submit')}
          </Button>
          {save.isSuccess && !save.isPending && (
            <Text size="sm" c="teal.9" role="status" data-testid="assessment-saved">
              {t('assessments.page.saved')}
            </Text>
          )}
        </Group>
      )}
      {a.status === 'submitted' && can('assessments.approve') && (
        <Group>
          <Button color="teal.9" loading={approve.isPending} onClick={() => approve.mutate()} data-testid="assessment-approve">
            {t('assessments.page.approve')}
          </Button>
          <Button variant="default" onClick={() => setReturning(true)} data-testid="assessment-return">
            {t('assessments.page.return')}
          </Button>
        </Group>
      )}
      <ReasonDialog
        opened={returning}
        title={t('assessments.page.returnTitle')}
        description={t('assessments.page.returnHelp')}
        confirmLabel={t('assessments.page.return')}
        onClose={() => setReturning(false)}
        onConfirm={(reason) => giveBack.mutate(reason, { onSuccess: () => setReturning(false) })}
        pending={giveBack.isPending}
        error={giveBack.error}
        onReload={reload}
        testId="assessment-return"
      />
    </Stack>
  );
}

/** A refusal's faults by path (`ratings.CI1.evidence`), each in the reader's language. */
function faultsOf(error: unknown, language: string): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const path = e.path.replace(/^body\.?/, '');
    if (out[path]) continue;
    out[path] = Object.hasOwn(PROBLEMS, e.message) ? problemMessage(e.message as ProblemCode, asLanguage(language)) : error.problem.title;
  }
  return out;
}

/** Where a fault is, as the reader knows it: the item's code and name, or the formulation or judgement. */
function placeOf(path: string, def: InstrumentDefinition, language: string, t: (key: string) => string): string {
  const item = /^ratings\.([^.]+)/.exec(path)?.[1];
  if (item) {
    const found = def.items.find((i) => i.code === item);
    return found ? `${found.code} ${inLanguage(found.names, language)}` : item;
  }
  if (path === 'formulation') return t('assessments.page.formulation');
  if (path === 'judgement') return t('assessments.page.judgement');
  return path;
}
