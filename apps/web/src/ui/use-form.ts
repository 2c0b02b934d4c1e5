import { useCallback, useState, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { getPath, isRequired, setPath, type FieldPath, type ValueAt } from './form/paths.ts';
import { validate, type FieldErrors } from './validation.ts';

const without = (errors: FieldErrors, fields: string[]) => (fields.some((f) => errors[f]) ? Object.fromEntries(Object.entries(errors).filter(([k]) => !fields.includes(k))) : errors);

/**
 * Plain form state: values, a setter per field, the field errors from the last check, and a binder
 * that wires a field by its (dotted) name in one line:
 *
 *   <TextInput label={t('…')} {...form.text('names.en')} />
 *
 * Give the contract (`schema`) and fields it refuses empty are marked required.
 */
export function useForm<T extends Record<string, unknown>>(initial: T, options: { schema?: z.ZodType } = {}) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends keyof T>(field: K, value: T[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => without(e, [field as string]));
  }, []);

  /** Sets a field by its dotted path ("names.en"). */
  const setAt = useCallback(<P extends FieldPath<T>>(path: P, value: ValueAt<T, P>) => {
    setValues((v) => setPath(v, path, value));
    setErrors((e) => without(e, [path]));
  }, []);

  /** Sets several fields at once (used by shared field groups). */
  const patch = useCallback((changes: Partial<T>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => without(e, Object.keys(changes)));
  }, []);

  /** Checks the body built from the form; on failure shows the errors and returns null. */
  function check<S extends z.ZodType>(schema: S, body: unknown, t: TFunction): z.output<S> | null {
    const result = validate(schema, body, t);
    setErrors(result.errors ?? {});
    return result.data;
  }

  const common = (path: string) => ({ name: path, error: errors[path], required: isRequired(options.schema, path, getPath(values, path)) });

  /** A text input (TextInput, Textarea, PasswordInput): its value, change handler, error and required mark. */
  const text = <P extends FieldPath<T>>(path: P) => ({
    ...common(path),
    value: getPath(values, path) as ValueAt<T, P>,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setAt(path, e.currentTarget.value as ValueAt<T, P>),
  });

  /** A checkbox or switch. */
  const checkbox = <P extends FieldPath<T>>(path: P) => ({
    name: path,
    error: errors[path],
    checked: Boolean(getPath(values, path)),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setAt(path, e.currentTarget.checked as ValueAt<T, P>),
  });

  /** A field that hands over its value (Select, MultiSelect, DateField): the field holds what the component offers. */
  const choice = <P extends FieldPath<T>>(path: P) => ({
    ...common(path),
    value: getPath(values, path) as ValueAt<T, P>,
    onChange: (value: unknown) => setAt(path, value as ValueAt<T, P>),
  });

  return { values, set, setAt, patch, setValues, errors, setErrors, check, text, checkbox, choice };
}

export type FormBinder<T extends Record<string, unknown>> = ReturnType<typeof useForm<T>>;
