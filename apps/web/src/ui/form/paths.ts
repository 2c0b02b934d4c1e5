import type { z } from 'zod';

/** Dotted paths to the leaves of a form's values ("names.en"); arrays are leaves. */
export type FieldPath<T> = {
  [K in keyof T & string]: T[K] extends readonly unknown[] ? K : T[K] extends Record<string, unknown> ? `${K}.${FieldPath<T[K]>}` : K;
}[keyof T & string];

/** The value's type at a dotted path. */
export type ValueAt<T, P extends string> = P extends `${infer K}.${infer Rest}` ? (K extends keyof T ? ValueAt<T[K], Rest> : never) : P extends keyof T ? T[P] : never;

export function getPath(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], values);
}

/** A copy of `values` with the value at `path` replaced. */
export function setPath<T>(values: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const current = values as Record<string, unknown>;
  return { ...current, [key]: rest.length ? setPath(current[key], rest.join('.'), value) : value } as T;
}

/** The part of an object schema that checks the field at `path`, if the schema has it. */
function fieldSchema(schema: z.ZodType, path: string): z.ZodType | undefined {
  let at: z.ZodType | undefined = schema;
  for (const key of path.split('.')) {
    // A transformed object (a pipe) is checked by its input side.
    while (at && 'in' in at && typeof at.in === 'object') at = at.in as z.ZodType;
    const shape: unknown = at && 'shape' in at ? at.shape : undefined;
    at = shape && typeof shape === 'object' ? (shape as Record<string, z.ZodType | undefined>)[key] : undefined;
    if (!at) return undefined;
  }
  return at;
}

/**
 * Whether the contract refuses the field left empty ('' for text, [] for a list, nothing
 * otherwise): the form marks the same fields required as the server enforces.
 */
export function isRequired(schema: z.ZodType | undefined, path: string, current: unknown): boolean {
  const field = schema && fieldSchema(schema, path);
  if (!field) return false;
  const empty = typeof current === 'string' ? '' : Array.isArray(current) ? [] : undefined;
  return !field.safeParse(empty).success;
}
