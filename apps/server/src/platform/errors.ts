import { PROBLEMS, type Language, type ProblemCode } from '@vigil/contracts';

/** An expected failure, sent to the client as RFC 9457 problem+json with a translated title. */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(detail ?? code);
    this.status = PROBLEMS[code].status;
  }

  /** A problem with one field at fault, sent as `errors: [{ path, message: code }]` so forms show it beside the field. */
  static at(code: ProblemCode, path: string): Problem {
    return new Problem(code, undefined, [{ path, message: code }]);
  }
}

export const problemType = (code: string) => `https://vigil.example/problems/${code}`;

export function problemBody(
  code: ProblemCode,
  lang: Language,
  extra: { detail?: string; instance?: string; requestId?: string; errors?: { path: string; message: string }[] } = {},
) {
  return {
    type: problemType(code),
    title: PROBLEMS[code][lang],
    status: PROBLEMS[code].status,
    code,
    ...extra,
  };
}

/** Maps PostgreSQL constraint errors to problems; returns null for anything unexpected. */
export function problemFromDatabase(err: unknown): Problem | null {
  const e = err as { code?: string; constraint?: string };
  if (e?.code === '23505') {
    if (e.constraint === 'users_staff_number') return new Problem('duplicate-staff-number');
    if (e.constraint === 'users_username') return new Problem('duplicate-username');
    if (e.constraint === 'locations_sibling_code' || e.constraint === 'facilities_code_key')
      return new Problem('duplicate-code');
    return new Problem('duplicate');
  }
  // Check violations, over-long or out-of-range values, and text PostgreSQL cannot store (NUL,
  // invalid UTF-8) are the client's input, wherever a schema let them through.
  if (['23514', '22001', '22003', '22021', '22P05'].includes(e?.code ?? '')) return new Problem('validation');
  return null;
}
