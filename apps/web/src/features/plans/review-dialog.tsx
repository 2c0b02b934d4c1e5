import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecordReviewBody } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { DateField } from '../../ui/form/date-field.tsx';
import { FormDialog } from '../../ui/form/form-dialog.tsx';
import { planKeys, plansApi } from './plans-api.ts';

interface Participant {
  name: string;
  role: string;
  agency: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Minutes of a review meeting: who took part (staff, and people from other agencies with the
 * agency named), the outcome, what the prisoner said, and the next review date.
 */
export function ReviewDialog({ planId, opened, onClose }: { planId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const initial = {
    heldOn: today(),
    participants: [{ name: session.user.displayName, role: t('plans.review.roleCaseManager'), agency: '' }] as Participant[],
    outcome: '',
    prisonerComments: '',
    nextReviewOn: '',
  };
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('plans.review.record')}
      initial={initial}
      schema={RecordReviewBody}
      toBody={(v) => ({ ...v, participants: v.participants.map((p) => ({ ...p, agency: p.agency || null })), prisonerComments: v.prisonerComments || null })}
      submit={(body) => plansApi.recordReview(planId, body)}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: planKeys.all });
        onClose();
      }}
      submitLabel={t('plans.review.record')}
      testId="review-form"
    >
      {(form) => {
        const rows = form.values.participants;
        const change = (i: number, field: keyof Participant, value: string) => form.set('participants', rows.map((p, j) => (j === i ? { ...p, [field]: value } : p)));
        return (
          <>
            <DateField label={t('plans.review.heldOn')} {...form.choice('heldOn')} />
            <Fieldset legend={t('plans.review.participants')} data-testid="review-participants">
              <Stack gap="xs">
                {rows.map((p, i) => (
                  <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
                    <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                      <TextInput label={t('plans.review.name')} value={p.name} onChange={(e) => change(i, 'name', e.currentTarget.value)} error={form.errors[`participants.${i}.name`]} required maxLength={200} />
                      <TextInput label={t('plans.review.role')} value={p.role} onChange={(e) => change(i, 'role', e.currentTarget.value)} error={form.errors[`participants.${i}.role`]} required maxLength={200} />
                      <TextInput label={t('plans.review.agency')} placeholder={t('plans.review.agencyHelp')} value={p.agency} onChange={(e) => change(i, 'agency', e.currentTarget.value)} maxLength={200} />
                    </SimpleGrid>
                    <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('plans.review.removeParticipant', { name: p.name || i + 1 })} disabled={rows.length === 1} onClick={() => form.set('participants', rows.filter((_, j) => j !== i))}>
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <Button variant="default" size="xs" onClick={() => form.set('participants', [...rows, { name: '', role: '', agency: '' }])} data-testid="add-participant" style={{ alignSelf: 'flex-start' }}>
                  {t('plans.review.addParticipant')}
                </Button>
              </Stack>
            </Fieldset>
            <Textarea label={t('plans.review.outcome')} {...form.text('outcome')} autosize minRows={3} maxLength={4000} />
            <Textarea label={t('plans.review.prisonerComments')} description={t('plans.note.prisonerHelp')} {...form.text('prisonerComments')} autosize minRows={2} maxLength={4000} />
            <DateField label={t('plans.review.nextReviewOn')} {...form.choice('nextReviewOn')} />
          </>
        );
      }}
    </FormDialog>
  );
}
