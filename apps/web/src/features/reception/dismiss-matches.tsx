import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DismissMatchesBody, type Intake } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { serverFieldErrors } from '../../ui/validation.ts';
import { receptionApi, receptionKeys } from './reception-api.ts';

/**
 * "None of these": opening a new file past a likely duplicate needs a reason. The server records
 * which candidates were shown with it (audited) and refuses completion without it.
 */
export function DismissMatches({ intake, onDismissed }: { intake: Intake; onDismissed: (saved: Intake) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ reason: intake.duplicateDecision?.reason ?? '' });
  const dismiss = useMutation({
    mutationFn: async () => {
      const body = form.check(DismissMatchesBody, { reason: form.values.reason, version: intake.version }, t);
      return body ? receptionApi.dismissMatches(intake.id, body.reason, body.version) : null;
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(receptionKeys.one(intake.id), saved);
      onDismissed(saved);
    },
  });
  // Nothing to rule out when no one similar is known.
  const matches = useQuery({ queryKey: receptionKeys.matches(intake.id), queryFn: () => receptionApi.matches(intake.id) });
  if (!matches.data?.items.length) return null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        dismiss.mutate();
      }}
      data-testid="dismiss-matches"
    >
      <Stack gap="xs">
        <Textarea
          name="reason"
          label={t('reception.matches.dismissReason')}
          description={t('reception.matches.dismissReasonHelp')}
          value={form.values.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.errors.reason ?? serverFieldErrors(dismiss.error, t).reason}
          required
          maxLength={500}
          autosize
          minRows={2}
        />
        <ProblemAlert error={dismiss.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={dismiss.isPending} data-testid="matches-continue">
            {t('reception.matches.continueNew')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
