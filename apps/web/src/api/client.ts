import type { ProblemDetails } from '@vigil/contracts';

/** A problem+json answer from the server; `title` is already in the user's language. */
export class ApiProblem extends Error {
  constructor(public readonly problem: ProblemDetails) {
    super(problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
  /** Field errors keyed by the field name (the server's `body.` prefix removed). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const field = e.path.replace(/^(body|querystring|params)\.?/, '');
      if (field && !out[field]) out[field] = e.message;
    }
    return out;
  }
}

// Kept here rather than in React state: every request needs them, and they change rarely.
let csrfToken: string | null = null;
let language = 'en';

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const setRequestLanguage = (lang: string) => {
  language = lang;
};

const UNREADABLE: ProblemDetails = { type: 'about:blank', title: 'Error', status: 0, code: 'network' };

/** A request body as sent: JSON for most calls, a file itself for uploads. */
interface Payload {
  body: BodyInit;
  contentType: string;
}
const json = (body: unknown): Payload => ({ body: JSON.stringify(body), contentType: 'application/json' });

async function request<T>(method: string, path: string, payload?: Payload): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (payload) headers['Content-Type'] = payload.contentType;
  // The session cookie is SameSite=Strict; the CSRF token also guards every state change.
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: payload?.body,
    });
  } catch {
    throw new ApiProblem({ ...UNREADABLE, code: 'network' });
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = isProblem(data) ? data : { ...UNREADABLE, status: response.status, code: 'http-' + response.status };
    throw new ApiProblem(problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(data: unknown): data is ProblemDetails {
  return typeof data === 'object' && data !== null && 'code' in data && 'title' in data;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, json(body)),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, json(body)),
  /** Sends a file as the body itself (a register, a photograph), not as JSON. */
  upload: <T>(method: 'POST' | 'PUT', path: string, file: Blob, contentType: string) => request<T>(method, path, { body: file, contentType }),
};

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
