import { useRef, type ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProblemAlert } from '../problem-alert.tsx';
import { useForm, type FormBinder } from '../use-form.ts';
import { ApiProblem } from '../../api/client.ts';
import { problemBesideFieldOnly, serverFieldErrors, type ProblemFields } from '../validation.ts';

export interface ContractFormProps<V extends Record<string, unknown>, S extends z.ZodType, R> {
  /** The form's starting values (read once: give the form a `key` to start again from new ones). */
  initial: V;
  /** The request's contract: checked before sending, and what marks fields required. */
  schema: S;
  /** The request body built from the values (the values themselves when not given). */
  toBody?: (values: V) => unknown;
  submit: (body: z.output<S>) => Promise<R>;
  onSaved: (saved: R) => void;
  onCancel?: () => void;
  /** Reloads the record after an edit conflict (409): the "someone else changed it" alert offers it. */
  onReload?: () => void;
  problemFields?: ProblemFields;
  /** Fields shown, no buttons (a reader without the right to change it). */
  readOnly?: boolean;
  submitLabel?: string;
  /** data-testid of the form ("alert-type-form"); its save button is "alert-type-save". */
  testId?: string;
  children: (form: FormBinder<V>) => ReactNode;
}

/**
 * A form over one request: the client check against the zod contract, the pending save, the
 * server's field errors (problem+json `errors[].path`) beside their fields, and its other problems
 * (an edit conflict with a reload button) above the buttons.
 */
export function ContractForm<V extends Record<string, unknown>, S extends z.ZodType, R>(props: ContractFormProps<V, S, R>) {
  const { t } = useTranslation();
  const form = useForm(props.initial, { schema: props.schema });
  const element = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: props.submit,
    onSuccess: props.onSaved,
    onError: (error) => {
      form.setErrors(serverFieldErrors(error, t, props.problemFields));
      focusFirstError();
    },
  });
  // After the render that marks them, so the reader lands on what needs fixing.
  const focusFirstError = () => requestAnimationFrame(() => element.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  return (
    <form
      ref={element}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = form.check(props.schema, props.toBody ? props.toBody(form.values) : form.values, t);
        if (body === null) {
          save.reset();
          focusFirstError();
          return;
        }
        save.mutate(body);
      }}
      data-testid={props.testId}
    >
      <Stack>
        {props.children(form)}
        {!(save.error instanceof ApiProblem && problemBesideFieldOnly(save.error.problem, props.problemFields)) && <ProblemAlert error={save.error} onReload={props.onReload} />}
        {!props.readOnly && (
          <Group justify="flex-end">
            {props.onCancel && (
              <Button variant="default" onClick={props.onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending} data-testid={props.testId && `${props.testId.replace(/-form$/, '')}-save`}>
              {props.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
