import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Divider, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CompleteIntakeBody, PRISON_NUMBER_MAX, type Intake, type Prisoner } from '@vigil/contracts';
import { ApiProblem } from '../../../api/client.ts';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { useForm } from '../../../ui/use-form.ts';
import { Facts } from '../../prisoners/facts.tsx';
import { formatDate, nameLatin, nameOwnScript } from '../../prisoners/prisoner-format.ts';
import { prisonerKeys } from '../../prisoners/prisoners-api.ts';
import { problemFieldErrors, withoutPathDetail } from '../../prisoners/problem-fields.ts';
import { stepOfPath, type StepKey } from '../intake-steps.ts';
import { pathLabel, reasonText } from '../missing-label.ts';
import { DismissMatches } from '../dismiss-matches.tsx';
import { PossibleMatches } from '../possible-matches.tsx';
import { receptionApi, receptionKeys } from '../reception-api.ts';

/**
 * Step 7: everything at a glance, what still stops completion (with a way to each step), the
 * prison number, and Complete. The server checks again; its refusal is shown field by field.
 */
export function ReviewStep({ intake, linkedId, onLink, onGoto, onCompleted, onBack }: {
  intake: Intake;
  linkedId: string | null;
  onLink: (id: string | null) => void;
  onGoto: (step: StepKey) => void;
  onCompleted: (prisoner: Prisoner) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ override: false, prisonNumber: '', prisonNumberReason: '' });
  const proposed = useQuery({ queryKey: receptionKeys.proposedNumber(intake.id), queryFn: () => receptionApi.proposedNumber(intake.id), enabled: !linkedId });
  const [showMatches, setShowMatches] = useState(linkedId !== null);
  const d = intake.data;
  const blocked = intake.missing.length > 0;

  const complete = useMutation({
    mutationFn: async () => {
      // The number comes from the facility's pattern; one typed instead is sent with its reason.
      const typed = !linkedId && form.values.override;
      const body = form.check(
        CompleteIntakeBody,
        { version: intake.version, existingPrisonerId: linkedId, ...(typed ? { prisonNumber: form.values.prisonNumber, prisonNumberReason: form.values.prisonNumberReason } : {}) },
        t,
      );
      if (body && typed && !body.prisonNumberReason) {
        form.setErrors({ prisonNumberReason: t('fieldErrors.required') });
        return null;
      }
      return body ? receptionApi.complete(intake.id, body) : null;
    },
    onSuccess: (result) => {
      if (!result) return;
      void queryClient.invalidateQueries({ queryKey: receptionKeys.all });
      void queryClient.invalidateQueries({ queryKey: prisonerKeys.all });
      queryClient.setQueryData(prisonerKeys.one(result.prisoner.id), result.prisoner);
      onCompleted(result.prisoner);
    },
  });
  const serverErrors = problemFieldErrors(complete.error, t, i18n.language);
  const refusal = complete.error instanceof ApiProblem ? complete.error.problem.errors ?? [] : [];
  const yesNo = (v: boolean | undefined) => (v === undefined ? null : v ? t('common.yes') : t('common.no'));
  const o = d.commitmentOrder;

  return (
    <Stack data-testid="step-review">
      <Title order={2} size="h3">
        {t('reception.steps.review')}
      </Title>
      <Facts
        testId="review-summary"
        items={[
          [t('prisoners.name'), [nameOwnScript(d.identity ?? {}), nameLatin(d.identity ?? {})].filter(Boolean).join(' · ')],
          [t('prisoners.identity.dateOfBirth'), d.identity?.dateOfBirth ? formatDate(d.identity.dateOfBirth, i18n.language) : null],
          [t('prisoners.identity.sex'), d.identity?.sex ? t(`prisoners.sex.${d.identity.sex}`) : null],
          [t('reception.commitment.title'), o ? `${t(`reception.commitment.kinds.${o.kind}`)} · ${o.reference} · ${formatDate(o.issuedOn, i18n.language)}` : null],
          [t('prisoners.legal.status'), d.legal?.status ? t(`prisoners.legalStatus.${d.legal.status}`) : null],
          [t('prisoners.securityCategory'), d.securityCategory ? t(`locations.security.${d.securityCategory}`) : null],
          [t('reception.property.items'), d.property ? String(d.property.length) : null],
          [t('reception.property.signedOff'), yesNo(d.propertySignedOff)],
          [t('reception.search.title'), d.search ? d.search.searchedBy : null],
          [t('reception.notification.title'), d.familyNotification ? (d.familyNotification.notified ? t('reception.notification.notified') : d.familyNotification.declinedByPrisoner ? t('reception.notification.declined') : t('reception.notification.notYet')) : null],
          [t('reception.rights.title'), d.rights ? `${t(`reception.rights.languages.${d.rights.language}`)} · ${d.rights.acknowledged ? t('reception.rights.acknowledgedShort') : t('reception.rights.notAcknowledged')}` : null],
        ]}
      />

      {blocked ? (
        <Alert color="red.9" variant="outline" title={t('reception.review.blocked')} data-testid="missing-list">
          <List size="sm">
            {intake.missing.map((m) => (
              <List.Item key={`${m.path}-${m.code}`} data-testid="missing-item" data-path={m.path} data-code={m.code}>
                {pathLabel(m.path, t)}: {reasonText(m.code, t, i18n.language)}{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => onGoto(stepOfPath(m.path))}>
                  {t('reception.review.goTo', { step: t(`reception.steps.${stepOfPath(m.path)}`) })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert color="teal.9" variant="outline" data-testid="ready">
          {t('reception.review.ready')}
        </Alert>
      )}

      <Divider />
      <Title order={3} size="h4">
        {t('reception.review.linkTitle')}
      </Title>
      {linkedId || showMatches ? (
        <>
          <PossibleMatches intakeId={intake.id} linkedId={linkedId} onLink={onLink} />
          {!linkedId && !intake.duplicateDecision && <DismissMatches intake={intake} onDismissed={() => undefined} />}
        </>
      ) : (
        <div>
          <Button variant="default" onClick={() => setShowMatches(true)} data-testid="show-matches">
            {t('reception.review.checkAgain')}
          </Button>
        </div>
      )}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked) complete.mutate();
        }}
        data-testid="complete-form"
      >
        <Stack>
          {linkedId ? (
            <Text size="sm">{t('reception.review.keepsNumber')}</Text>
          ) : (
            <Stack gap="xs" data-testid="prison-number-field">
              <Text size="sm">
                {t('reception.review.prisonNumber')}: <strong data-testid="proposed-number">{proposed.data?.prisonNumber ?? '…'}</strong>
              </Text>
              <Text size="xs" c="dimmed">
                {t('reception.review.prisonNumberFromPattern', { pattern: proposed.data?.pattern ?? '' })}
              </Text>
              {proposed.data?.editable && (
                <Checkbox label={t('reception.review.prisonNumberOverride')} checked={form.values.override} onChange={(e) => form.set('override', e.currentTarget.checked)} data-testid="override-number" />
              )}
              {form.values.override && (
                <Group align="flex-start" grow>
                  <TextInput
                    label={t('reception.review.prisonNumberTyped')}
                    description={t('reception.review.prisonNumberHelp')}
                    name="prisonNumber"
                    value={form.values.prisonNumber}
                    onChange={(e) => form.set('prisonNumber', e.currentTarget.value)}
                    error={form.errors.prisonNumber ?? serverErrors.prisonNumber}
                    required
                    maxLength={PRISON_NUMBER_MAX}
                  />
                  <TextInput
                    label={t('reception.review.prisonNumberReason')}
                    name="prisonNumberReason"
                    value={form.values.prisonNumberReason}
                    onChange={(e) => form.set('prisonNumberReason', e.currentTarget.value)}
                    error={form.errors.prisonNumberReason ?? serverErrors.prisonNumberReason}
                    required
                    maxLength={500}
                  />
                </Group>
              )}
            </Stack>
          )}
          <ProblemAlert error={withoutPathDetail(complete.error)} />
          {refusal.length > 0 && (
            <List size="sm" data-testid="refusal-list">
              {refusal.map((r) => (
                <List.Item key={`${r.path}-${r.message}`}>
                  {pathLabel(r.path, t)}: {reasonText(r.message, t, i18n.language)}
                </List.Item>
              ))}
            </List>
          )}
          <Group justify="space-between">
            <Button variant="subtle" onClick={onBack} data-testid="step-back">
              {t('reception.back')}
            </Button>
            <Button type="submit" disabled={blocked} loading={complete.isPending} data-testid="complete-intake" aria-describedby={blocked ? 'complete-blocked' : undefined}>
              {linkedId ? t('reception.review.completeReadmit') : t('reception.review.complete')}
            </Button>
          </Group>
          {blocked && (
            <Text id="complete-blocked" size="sm" ta="right">
              {t('reception.review.disabledBecause', { count: intake.missing.length })}
            </Text>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
