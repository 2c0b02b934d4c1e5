import { useRef, type ReactNode } from 'react';
import { Button, Group, Stack, type MantineColor } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProblemAlert } from '../problem-alert.tsx';
import { useForm, type FormBinder } from '../use-form.ts';
import { validate, type FieldErrors, type ProblemFields } from '../validation.ts';
import { readRefusal, saveButtonTestId, type Refusal } from './refusal.ts';

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
  /** The save button's colour where the save is grave and should look it (a release, an override). */
  submitColor?: MantineColor;
  /** data-testid of the form ("alert-type-form"); its save button is "alert-type-save". */
  testId?: string;
  /** data-testid of the save button where journeys know it by another name than "<form>-save". */
  saveTestId?: string;
  /** Called with the field errors when the client check refuses the body (e.g. to open the tab holding the first). */
  onInvalid?: (errors: FieldErrors) => void;
  /**
   * How a refusal is read when the feature knows more than `errors[].path` and `problemFields`
   * (the prisoner file names its fields' problems by code); see `ui/form/refusal.ts`.
   */
  readRefusal?: (error: unknown) => Refusal;
  /**
   * Shown above the fields, given the last refused save's error (null before any): for a long form
   * whose refusal is a list of reasons the reader must see where they start, not at the buttons
   * (the release's blockers). Keep what it shows out of the alert with `readRefusal`.
   */
  aboveFields?: (error: unknown) => ReactNode;
  children: (form: FormBinder<V>) => ReactNode;
}

/**
 * A form over one request: the client check against the zod contract, the pending save, the
 * server's field errors (problem+json `errors[].path`) beside their fields, and its other problems
 * (an edit conflict with a reload button) above the buttons, or what `aboveFields` makes of them at the top.
 */
export function ContractForm<V extends Record<string, unknown>, S extends z.ZodType, R>(props: ContractFormProps<V, S, R>) {
  const { t } = useTranslation();
  const form = useForm(props.initial, { schema: props.schema });
  const element = useRef<HTMLFormElement>(null);
  const read = (error: unknown) => (props.readRefusal ? props.readRefusal(error) : readRefusal(error, t, props.problemFields));
  const save = useMutation({
    mutationFn: props.submit,
    onSuccess: props.onSaved,
    onError: (error) => {
      form.setErrors(read(error).fieldErrors);
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
        const raw = props.toBody ? props.toBody(form.values) : form.values;
        const body = form.check(props.schema, raw, t);
        if (body === null) {
          save.reset();
          props.onInvalid?.(validate(props.schema, raw, t).errors ?? {});
          focusFirstError();
          return;
        }
        save.mutate(body);
      }}
      data-testid={props.testId}
    >
      <Stack>
        {props.aboveFields?.(save.error)}
        {props.children(form)}
        <ProblemAlert error={save.error && read(save.error).alert} onReload={props.onReload} />
        {!props.readOnly && (
          <Group justify="flex-end">
            {props.onCancel && (
              <Button variant="default" onClick={props.onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" color={props.submitColor} loading={save.isPending} data-testid={saveButtonTestId(props.testId, props.saveTestId)}>
              {props.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
