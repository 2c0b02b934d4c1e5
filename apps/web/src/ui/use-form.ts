import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { validate, type FieldErrors } from './validation.ts';

/** Plain form state: values, a setter per field, and the field errors from the last check. */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends keyof T>(field: K, value: T[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      if (!e[field as string]) return e;
      const { [field as string]: _removed, ...rest } = e;
      return rest;
    });
  }, []);

  /** Sets several fields at once (used by shared field groups). */
  const patch = useCallback((changes: Partial<T>) => {
    setValues((v) => ({ ...v, ...changes }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in changes))));
  }, []);

  /** Checks the body built from the form; on failure shows the errors and returns null. */
  function check<S extends z.ZodType>(schema: S, body: unknown, t: TFunction): z.output<S> | null {
    const result = validate(schema, body, t);
    setErrors(result.errors ?? {});
    return result.data;
  }

  return { values, set, patch, setValues, errors, setErrors, check };
}
