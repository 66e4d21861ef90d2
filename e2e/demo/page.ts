import { demoCalls, demoCredentials, errorCalls, groupCalls, idempotentPostCall, type DemoCall } from './calls.ts';
import { misbehaveRequestCount, misbehaveSteps } from './misbehave.ts';

/**
 * The demo page's HTML: a button per fixture grouped by family, the rate-limit endpoints, "Fire
 * everything", "Burst" and a log. Every value that reaches the HTML goes through escapeHtml; the
 * behaviour lives in the same-origin script /demo.js (client.ts), so the page runs under a strict CSP.
 */

/** The page's CSP; `otherOrigin` is the demo server's second origin, which the misbehaving client calls. */
export function pageCsp(otherOrigin: string): string {
  return `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ${otherOrigin}; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * A button the script turns into a fetch: method, path, headers (JSON) and body ride in data
 * attributes, escaped here. `label` is HTML: callers escape what they put into it.
 */
function callButton(call: Pick<DemoCall, 'method' | 'path' | 'headers' | 'body' | 'credentials'>, label: string, extra: Readonly<Record<string, string>> = {}): string {
  const attributes: Record<string, string> = {
    ...extra,
    'data-method': call.method,
    'data-path': call.path,
    'data-headers': JSON.stringify(call.headers),
    'data-credentials': call.credentials,
  };
  if (call.body !== null) attributes['data-body'] = call.body;
  const rendered = Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');
  return `<button type="button" ${rendered}>${label}</button>`;
}

/** data-order is the fixture's place in the fixture list: "Fire everything" keeps that order, not the grouped one. */
function fixtureButton(call: DemoCall): string {
  const label = `<span class="status">${call.status}</span> <span class="method">${escapeHtml(call.method)}</span> ${escapeHtml(call.fixture)}`;
  const order = String(demoCalls.indexOf(call));
  return callButton(call, label, { 'data-fixture': call.fixture, 'data-status': String(call.status), 'data-error': String(call.isError), 'data-order': order });
}

function familySection(family: string, calls: readonly DemoCall[]): string {
  return [
    `<section class="family" data-family="${escapeHtml(family)}">`,
    `<h3>${escapeHtml(family)} <span class="count">(${calls.length})</span></h3>`,
    ...calls.map(fixtureButton),
    '</section>',
  ].join('\n');
}

const credentialHeaders = { Authorization: `Bearer ${demoCredentials.bearerToken}`, 'X-API-Key': demoCredentials.apiKey };

function quotaButtons(): string {
  const endpoints = [
    { path: '/api/quota/ok', label: 'X-RateLimit dialect, 60 per minute' },
    { path: '/api/quota/ietf', label: 'IETF RateLimit dialect, 100 per minute' },
    { path: '/api/items', label: '200 list with message/code items (not an error)' },
  ];
  return endpoints
    .map(({ path, label }) =>
      callButton({ method: 'GET', path, headers: credentialHeaders, body: null, credentials: 'same-origin' }, `GET ${escapeHtml(path)} <small>${escapeHtml(label)}</small>`),
    )
    .join('\n');
}

function idempotentButton(): string {
  if (idempotentPostCall === null) return '';
  const label = `POST ${escapeHtml(idempotentPostCall.fixture)} again, with an Idempotency-Key`;
  return callButton(idempotentPostCall, label, { id: 'idempotent-post', 'data-idempotency-key': 'generate' });
}

function misbehaveButton(otherOrigin: string): string {
  const attributes = `data-plan="${escapeHtml(JSON.stringify(misbehaveSteps))}" data-other-origin="${escapeHtml(otherOrigin)}"`;
  return `<button type="button" id="misbehave" ${attributes}>Misbehaving client <small>(${misbehaveRequestCount} requests: retry storm, lockstep, unsafe POST, a 422 resent, a CORS-hidden 429)</small></button>`;
}

export interface PageOptions {
  readonly title: string;
  /** The demo server's second origin (another port on the loopback): cross-origin to the page. */
  readonly otherOrigin: string;
  /** Where the navigation link goes (`/page2` from the first page, `/` back from the second). */
  readonly link: { readonly href: string; readonly label: string };
}

export function renderPage({ title, link, otherOrigin }: PageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/demo.css">
<script type="module" src="/demo.js"></script>
</head>
<body data-state="idle" data-sent="0">
<header>
<h1>${escapeHtml(title)}</h1>
<p>Open DevTools, select the <strong>Faultline</strong> panel, then send some errors. Every response below is a real
envelope shape; the server renders it at request time, so rate-limit countdowns are live.</p>
<nav><a id="nav-link" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></nav>
</header>
<section id="controls">
<button type="button" id="fire-all">Fire everything (${errorCalls.length} errors)</button>
<label>Burst of <input id="burst-count" type="number" min="1" max="100000" step="1" value="100"> requests</label>
<button type="button" id="burst">Burst</button>
<output id="sent-count">0 sent</output>
</section>
<section id="extras">
<h2>Rate limits and look-alikes</h2>
${quotaButtons()}
${idempotentButton()}
${misbehaveButton(otherOrigin)}
</section>
<section id="fixtures">
<h2>Fixtures by family</h2>
${[...groupCalls(demoCalls)].map(([family, calls]) => familySection(family, calls)).join('\n')}
</section>
<section id="log-section">
<h2>Sent</h2>
<ol id="log"></ol>
</section>
</body>
</html>
`;
}

export const pageCss = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h3 { font-size: .95rem; margin: .75rem 0 .25rem; font-weight: 600; }
button { margin: .15rem; padding: .3rem .6rem; border: 1px solid #bbb; border-radius: 4px; background: #f6f6f6; cursor: pointer; font: inherit; }
button:hover { background: #ececec; }
#controls { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
#fire-all { background: #b3261e; color: #fff; border-color: #b3261e; }
#burst-count { width: 6rem; }
.status { font-weight: 700; font-variant-numeric: tabular-nums; }
.method { color: #555; }
[data-error="false"] .status { color: #1a7f37; }
#log { font: 12px/1.5 ui-monospace, monospace; max-height: 20rem; overflow: auto; background: #fafafa; border: 1px solid #eee; padding: .5rem 2.5rem; }
`;
