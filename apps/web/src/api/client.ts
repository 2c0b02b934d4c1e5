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

/**
 * A new Idempotency-Key: a random UUID (v4). Built from getRandomValues because randomUUID exists
 * only in secure contexts, and a facility may serve Vigil over plain HTTP on its own network.
 */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Waits before each automatic retry of a POST whose answer was lost (or whose first attempt is still running).
export const RETRY_DELAYS_MS = [300, 1000];

async function request<T>(method: string, path: string, payload?: Payload): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (payload) headers['Content-Type'] = payload.contentType;
  // The session cookie is SameSite=Strict; the CSRF token also guards every state change.
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  // One key per submission, kept across the retries below: the server answers a retry of a write
  // that did happen with its first response instead of writing it twice.
  if (method === 'POST') headers['Idempotency-Key'] = newIdempotencyKey();

  let response: Response | null = null;
  for (let attempt = 0; ; attempt++) {
    response = null;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: payload?.body,
      });
    } catch {
      // No answer: the write may or may not have happened. Only a keyed POST can safely be sent again.
    }
    const again = method === 'POST' && attempt < RETRY_DELAYS_MS.length && (response === null || (response.status === 409 && (await inFlight(response))));
    if (!again) break;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
  }
  if (!response) throw new ApiProblem({ ...UNREADABLE, code: 'network' });
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = isProblem(data) ? data : { ...UNREADABLE, status: response.status, code: 'http-' + response.status };
    throw new ApiProblem(problem);
  }
  return data as T;
}

/** Is this 409 the server saying our first attempt is still running (rather than an edit conflict)? */
async function inFlight(response: Response): Promise<boolean> {
  const data = safeJson(await response.clone().text());
  return isProblem(data) && data.code === 'idempotency-key-in-flight';
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
