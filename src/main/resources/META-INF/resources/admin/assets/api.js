// Calls to the admin API. The browser sends the HTTP Basic credentials it signed in to /admin/ with.

// Relative to the console at /admin/, so that it works behind a proxy's path prefix too; without the
// user:password@ a page opened that way carries, which fetch() refuses.
const BASE = (() => {
  const url = new URL('db/', document.baseURI);
  url.username = '';
  url.password = '';
  return url.href;
})();

/** A non-2xx answer; {@code problem} is its problem+json body when it had one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function send(path, init = {}) {
  const response = await fetch(BASE + path, { credentials: 'same-origin', cache: 'no-store', ...init });
  if (!response.ok) {
    let problem = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      problem = await response.json().catch(() => null);
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** GET path as JSON. */
export async function getJson(path) {
  return (await send(path, { headers: { Accept: 'application/json' } })).json();
}

/** GET path as text. */
export async function getText(path) {
  return (await send(path, { headers: { Accept: 'text/plain' } })).text();
}

/** POST path without a body, answering JSON. */
export async function post(path) {
  return (await send(path, { method: 'POST', headers: { Accept: 'application/json' } })).json();
}

/** The status stream: onStatus(status) per event, onConnection(true|false) as it opens and drops. */
export function statusEvents(onStatus, onConnection) {
  const source = new EventSource(BASE + 'events');
  source.onopen = () => onConnection(true);
  source.onerror = () => onConnection(false);
  source.onmessage = (event) => onStatus(JSON.parse(event.data));
  return source;
}
