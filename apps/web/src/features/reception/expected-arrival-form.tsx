import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateIntakeBody, NAME_MAX, type Intake } from '@vigil/contracts';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useForm } from '../../ui/use-form.ts';
import { birthInFuture, lengthLimitNote } from '../../ui/validation.ts';
import { problemFieldErrors } from '../prisoners/problem-fields.ts';
import { receptionApi, receptionKeys } from './reception-api.ts';

// The length note goes under the field, where the typing stopped.
const UNDER: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/**
 * Records someone the facility expects (a court order, an escort on its way). "Save and start"
 * opens the intake at once, for a person who is already at the gate.
 */
export function ExpectedArrivalForm({ facilityId, onDone, onCancel }: { facilityId: string; onDone: (intake: Intake, start: boolean) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ familyName: '', givenName: '', dateOfBirth: '', expectedOn: '', arrivingFrom: '' });
  const v = form.values;

  const save = useMutation({
    mutationFn: async (start: boolean) => {
      const body = form.check(
        CreateIntakeBody,
        { familyName: v.familyName, givenName: v.givenName, dateOfBirth: v.dateOfBirth || undefined, expectedOn: v.expectedOn || null, arrivingFrom: v.arrivingFrom },
        t,
      );
      const future = birthInFuture(v.dateOfBirth, t);
      if (body && future) {
        form.setErrors({ dateOfBirth: future });
        return null;
      }
      return body ? { intake: await receptionApi.expect(facilityId, body), start } : null;
    },
    onSuccess: (result) => {
      if (!result) return;
      void queryClient.invalidateQueries({ queryKey: receptionKeys.all });
      onDone(result.intake, result.start);
    },
  });
  const errors = { ...problemFieldErrors(save.error, t, i18n.language), ...form.errors };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(false);
      }}
      data-testid="expected-arrival-form"
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('prisoners.identity.familyName')} name="familyName" value={v.familyName} onChange={(e) => form.set('familyName', e.currentTarget.value)} error={errors.familyName} description={lengthLimitNote(v.familyName, NAME_MAX, t)} inputWrapperOrder={UNDER} required maxLength={NAME_MAX} data-autofocus />
          <TextInput label={t('prisoners.identity.givenName')} name="givenName" value={v.givenName} onChange={(e) => form.set('givenName', e.currentTarget.value)} error={errors.givenName} description={lengthLimitNote(v.givenName, NAME_MAX, t)} inputWrapperOrder={UNDER} required maxLength={NAME_MAX} />
          <TextInput type="date" label={t('prisoners.identity.dateOfBirth')} name="dateOfBirth" value={v.dateOfBirth} onChange={(e) => form.set('dateOfBirth', e.currentTarget.value)} error={errors.dateOfBirth} />
          <TextInput type="date" label={t('reception.expectedOn')} name="expectedOn" value={v.expectedOn} onChange={(e) => form.set('expectedOn', e.currentTarget.value)} error={errors.expectedOn} />
        </SimpleGrid>
        <TextInput label={t('reception.arrivingFrom')} description={t('reception.arrivingFromHelp')} name="arrivingFrom" value={v.arrivingFrom} onChange={(e) => form.set('arrivingFrom', e.currentTarget.value)} error={errors.arrivingFrom} maxLength={200} />
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="default" loading={save.isPending && save.variables === false} data-testid="expected-save">
            {t('reception.saveExpected')}
          </Button>
          <Button onClick={() => save.mutate(true)} loading={save.isPending && save.variables === true} data-testid="expected-save-start">
            {t('reception.saveAndStart')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
