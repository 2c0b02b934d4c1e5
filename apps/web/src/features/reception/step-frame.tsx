import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IntakeData, type Intake } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { validate, type FieldErrors } from '../../ui/validation.ts';
import { problemFieldErrors, withoutPathDetail } from '../prisoners/problem-fields.ts';
import { missingFor, type StepKey } from './intake-steps.ts';
import { pathLabel, reasonText } from './missing-label.ts';
import { receptionApi, receptionKeys } from './reception-api.ts';

export interface StepProps {
  intake: Intake;
  /** Called with the saved intake; `advance` moves the wizard to the next step. */
  onSaved: (saved: Intake, advance: boolean) => void;
  onBack?: () => void;
}

/**
 * Saving one step: the step's part replaces the same part of what was saved before, the whole is
 * checked against the contract (every part is optional until completion), then sent with the
 * version it was loaded at.
 */
export function useStepSave(intake: Intake, onSaved: StepProps['onSaved']) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: async ({ patch }: { patch: Partial<Record<keyof IntakeData, unknown>>; advance: boolean }) => {
      const result = validate(IntakeData, { ...intake.data, ...patch }, t);
      setErrors(result.errors ?? {});
      return result.data ? receptionApi.save(intake.id, result.data, intake.version) : null;
    },
    onSuccess: (saved, { advance }) => {
      if (!saved) return;
      queryClient.setQueryData(receptionKeys.one(intake.id), saved);
      void queryClient.invalidateQueries({ queryKey: receptionKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: receptionKeys.matches(intake.id) });
      onSaved(saved, advance);
    },
  });
  const allErrors = { ...problemFieldErrors(mutation.error, t, i18n.language, 'data.'), ...errors };
  return {
    errors: allErrors,
    save: (patch: Partial<Record<keyof IntakeData, unknown>>, advance: boolean) => mutation.mutate({ patch, advance }),
    mutation,
    reload: () => {
      mutation.reset();
      void queryClient.refetchQueries({ queryKey: receptionKeys.one(intake.id) });
    },
  };
}

type StepSave = ReturnType<typeof useStepSave>;

/** The frame every step shares: title, help, what the server still misses here, and the buttons. */
export function StepFrame(props: {
  step: StepKey;
  intake: Intake;
  title: string;
  help?: ReactNode;
  children: ReactNode;
  onSave: (advance: boolean) => void;
  onBack?: () => void;
  /** The step's save (useStepSave): its progress, errors and reload. */
  save: StepSave;
}) {
  const { t, i18n } = useTranslation();
  const { mutation, errors, reload } = props.save;
  const missing = missingFor(props.intake, props.step);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(true);
      }}
      data-testid={`step-${props.step}`}
    >
      <Stack>
        <div>
          <Title order={2} size="h3">
            {props.title}
          </Title>
          {props.help && (
            <Text size="sm" mt={4}>
              {props.help}
            </Text>
          )}
        </div>
        {missing.length > 0 && (
          <Alert color="red.9" variant="outline" title={t('reception.stillNeeded')} data-testid="step-missing">
            <List size="sm">
              {missing.map((m) => (
                <List.Item key={`${m.path}-${m.code}`}>
                  {pathLabel(m.path, t)}: {reasonText(m.code, t, i18n.language)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {props.children}
        {Object.keys(errors).length > 0 && (
          <Text c="var(--mantine-color-error)" size="sm" role="alert" data-testid="step-errors">
            {t('reception.fixErrors')}
          </Text>
        )}
        <ProblemAlert error={withoutPathDetail(mutation.error)} onReload={reload} />
        <Group justify="space-between">
          <div>
            {props.onBack && (
              <Button variant="subtle" onClick={props.onBack} data-testid="step-back">
                {t('reception.back')}
              </Button>
            )}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={() => props.onSave(false)} loading={mutation.isPending} data-testid="step-save">
              {t('common.save')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="step-continue">
              {t('reception.saveAndContinue')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
