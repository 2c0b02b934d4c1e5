import { z } from 'zod';

// Control characters other than tab/newline never belong in a record; NUL also breaks jsonb.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Half of a surrogate pair is no character at all (JSON can spell one, "\ud800"); jsonb refuses it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const printable = (s: string) => !CONTROL_CHARS.test(s) && !LONE_SURROGATE.test(s);

/** A trimmed, bounded, printable text field. Stored exactly as entered otherwise (any script). */
export function text(max = 200) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(printable, { message: 'control-characters' });
}

/**
 * An optional text field: empty means "not given" and is stored as null. A codec rather than a
 * transform, so the same schema also serialises responses (zod cannot run a transform backwards).
 */
export function optionalText(max = 200) {
  return z
    .codec(
      z
        .string()
        .trim()
        .max(max)
        .refine(printable, { message: 'control-characters' }),
      z.string().nullable(),
      { decode: (s) => (s === '' ? null : s), encode: (s) => s ?? '' },
    )
    .nullable()
    .optional();
}

export const Id = z.uuid();
export const IdParams = z.object({ id: Id }).strict();
export const Version = z.number().int().min(1);
export const Timestamp = z.string().describe('ISO 8601 date-time in UTC');

export const LANGUAGES = ['en', 'ru', 'tg'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Cursor pagination: `cursor` is opaque; `next` is null on the last page. */
export const PageQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() });
}

export const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const Ok = z.object({ ok: z.literal(true) });
