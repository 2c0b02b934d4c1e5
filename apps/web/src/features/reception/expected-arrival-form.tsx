import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateIntakeBody, NAME_MAX, type Intake } from '@vigil/contracts';
import type { z } from 'zod';
import { DateField } from '../../ui/form/date-field.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { birthInFuture, lengthLimitNote } from '../../ui/validation.ts';
import { readFileRefusal } from '../prisoners/problem-fields.ts';
import { receptionApi, receptionKeys } from './reception-api.ts';

// The length note goes under the field, where the typing stopped.
const UNDER: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

const blank = { familyName: '', givenName: '', dateOfBirth: '', expectedOn: '', arrivingFrom: '' };
type Values = typeof blank;
const toBody = (v: Values) => ({ ...v, dateOfBirth: v.dateOfBirth || undefined, expectedOn: v.expectedOn || null });

/**
 * Records someone the facility expects (a court order, an escort on its way). "Save and start"
 * opens the intake at once, for a person who is already at the gate. Two ways to save, so the form
 * uses the binder and its own buttons rather than `ContractForm`'s one save button.
 */
export function ExpectedArrivalForm({ facilityId, onDone, onCancel }: { facilityId: string; onDone: (intake: Intake, start: boolean) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(blank, { schema: CreateIntakeBody });
  const readRefusal = readFileRefusal(t, i18n.language);

  const save = useMutation({
    mutationFn: async ({ body, start }: { body: z.output<typeof CreateIntakeBody>; start: boolean }) => ({ intake: await receptionApi.expect(facilityId, body), start }),
    onSuccess: ({ intake, start }) => {
      void queryClient.invalidateQueries({ queryKey: receptionKeys.all });
      onDone(intake, start);
    },
    onError: (error) => form.setErrors(readRefusal(error).fieldErrors),
  });
  const submit = (start: boolean) => {
    const body = form.check(CreateIntakeBody, toBody(form.values), t);
    if (!body) return save.reset();
    // The contract cannot know today's date; the server checks it again in the facility's time zone.
    const future = birthInFuture(form.values.dateOfBirth, t);
    if (future) return form.setErrors({ dateOfBirth: future });
    save.mutate({ body, start });
  };
  const limitNote = (field: 'familyName' | 'givenName') => lengthLimitNote(form.values[field], NAME_MAX, t);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
      data-testid="expected-arrival-form"
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('prisoners.identity.familyName')} {...form.text('familyName')} description={limitNote('familyName')} inputWrapperOrder={UNDER} maxLength={NAME_MAX} data-autofocus />
          <TextInput label={t('prisoners.identity.givenName')} {...form.text('givenName')} description={limitNote('givenName')} inputWrapperOrder={UNDER} maxLength={NAME_MAX} />
          {/* Blank dates are left out of the body, so neither is required. */}
          <DateField label={t('prisoners.identity.dateOfBirth')} {...form.choice('dateOfBirth')} required={false} />
          <DateField label={t('reception.expectedOn')} {...form.choice('expectedOn')} required={false} />
        </SimpleGrid>
        <TextInput label={t('reception.arrivingFrom')} description={t('reception.arrivingFromHelp')} {...form.text('arrivingFrom')} maxLength={200} />
        <ProblemAlert error={save.error && readRefusal(save.error).alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="default" loading={save.isPending && !save.variables?.start} data-testid="expected-save">
            {t('reception.saveExpected')}
          </Button>
          <Button onClick={() => submit(true)} loading={save.isPending && save.variables?.start} data-testid="expected-save-start">
            {t('reception.saveAndStart')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
