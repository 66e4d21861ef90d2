import type { DemoResponse } from './quota.ts';

/**
 * Hostile responses for the security e2e: XSS payloads in every field Faultline decodes (message,
 * code, title, docs URL, field paths, request id, header values), wrapped in real envelope shapes
 * (RFC 9457 problem details, JSON:API, Discord). Served at /api/hostile/xss/<shape>.
 *
 * Every payload, if it ever ran, would set `window.__xss`; every element it could create carries a
 * `data-xss` attribute. A test asserts the flag stays undefined, no such element exists, and the
 * payload text is visible as text.
 */

export const hostilePathPrefix = '/api/hostile/xss/';

/** The XSS corpus: markup, event handlers, script URLs in their case and entity spellings. */
export const xssPayloads = {
  script: '<script data-xss>window.__xss="script"</script>',
  img: '<img src=x data-xss onerror=window.__xss="img">',
  svg: '"><svg data-xss onload=window.__xss="svg">',
  javascriptUrl: 'javascript:window.__xss="javascript-url"',
  dataUrl: 'data:text/html,<script data-xss>window.__xss="data-url"</script>',
  mixedCaseUrl: 'JaVaScRiPt:window.__xss="mixed-case"',
  entityUrl: '&#106;avascript:window.__xss="entity"',
  iframe: '<iframe data-xss srcdoc="<script>parent.__xss=1</script>"></iframe>',
} as const;

const p = xssPayloads;

/** An http(s) docs URL that carries markup in its path: it may become a link, with an escaped href. */
const markupInHttpUrl = `https://docs.hostile.test/errors/${p.svg}`;

export const hostileShapes = ['problem-details', 'jsonapi', 'discord'] as const;
export type HostileShape = (typeof hostileShapes)[number];

/** Header values may hold any visible text; header names are HTTP tokens, so payload markup goes in values only. */
function payloadHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'X-Request-Id': p.img,
    'X-Debug-Note': p.script,
    'X-Docs': p.javascriptUrl,
    Link: `<${p.mixedCaseUrl}>; rel="help"`,
  };
}

function problemDetails(): DemoResponse {
  return {
    status: 422,
    headers: payloadHeaders('application/problem+json'),
    body: JSON.stringify({
      type: p.javascriptUrl,
      title: p.script,
      status: 422,
      detail: p.img,
      instance: p.dataUrl,
      code: p.svg,
      requestId: p.iframe,
      errors: [
        { pointer: `#/${p.svg}`, detail: p.script, code: p.img },
        { pointer: '#/profile/website', detail: p.mixedCaseUrl },
        { pointer: '#/profile/bio', detail: p.entityUrl },
      ],
    }),
  };
}

function jsonApi(): DemoResponse {
  return {
    status: 409,
    headers: payloadHeaders('application/vnd.api+json'),
    body: JSON.stringify({
      errors: [
        {
          id: p.svg,
          status: '409',
          code: p.script,
          title: p.iframe,
          detail: p.img,
          source: { pointer: `/data/attributes/${p.img}` },
          links: { about: markupInHttpUrl },
        },
        { status: '409', code: 'conflict', title: p.entityUrl, detail: p.dataUrl, source: { pointer: '/data/attributes/url' } },
      ],
    }),
  };
}

function discord(): DemoResponse {
  return {
    status: 400,
    headers: payloadHeaders('application/json'),
    body: JSON.stringify({
      code: 50035,
      message: p.svg,
      errors: {
        [p.img]: { _errors: [{ code: p.script, message: p.iframe }] },
        embeds: { '0': { url: { _errors: [{ code: 'URL_TYPE_INVALID_URL', message: p.javascriptUrl }] } } },
      },
    }),
  };
}

/**
 * The deception corpus: text that reads as something it is not. Bidi overrides and isolates reorder
 * what is shown (Trojan Source, CVE-2021-42574), zero-width and tag characters hide text, a docs link
 * names one host and goes to another (userinfo, a scheme-relative `//host`, backslashes the URL
 * parser reads as slashes), a message pings `@someone` or autolinks once pasted into an issue, and a
 * message echoes the API key it refused. Served at /api/hostile/xss/deception-<docs form>.
 */
export const deception = {
  /** A right-to-left override: "invoice_exe.pdf" on screen is really "invoice_" + reversed "fdp.exe". */
  title: 'Payment failed for invoice_\u202Efdp.exe',
  detail: 'Ask @octocat or see https://evil.example/phish \u2066first\u2069 \u200Bnow\u2060 \u061Cplease\u{E0041}\u{E0042}. Key sk_live_51FlDemoEchoedKey000000 was revoked.',
  code: 'card\u200Bdeclined',
  requestId: 'req\u202E_9f8e7d',
  /** What each docs form really points to, as the URL parser reads it. */
  docs: {
    userinfo: { type: 'http://docs.vendor.example:443@evil.example/errors/card', realHost: 'evil.example' },
    'scheme-relative': { type: '//evil.example/errors/card', realHost: 'evil.example' },
    backslash: { type: 'https:\\\\evil.example\\errors\\card', realHost: 'evil.example' },
  },
  /** The characters above as the panel, popup, report and CLI must show them. */
  shown: ['[U+202E]', '[U+2066]', '[U+2069]', '[U+200B]', '[U+2060]', '[U+061C]', '[U+E0041]'],
  echoedKey: 'sk_live_51FlDemoEchoedKey000000',
} as const;

export const deceptionShapes = ['deception-userinfo', 'deception-scheme-relative', 'deception-backslash'] as const;
export type DeceptionShape = (typeof deceptionShapes)[number];

function deceiving(form: keyof typeof deception.docs): DemoResponse {
  return {
    status: 402,
    // Header values are bytes (Latin-1): the characters travel in the body, as most APIs echo them.
    headers: { 'Content-Type': 'application/problem+json' },
    body: JSON.stringify({ type: deception.docs[form].type, title: deception.title, status: 402, detail: deception.detail, code: deception.code, requestId: deception.requestId }),
  };
}

const builders: Readonly<Record<HostileShape | DeceptionShape, () => DemoResponse>> = {
  'problem-details': problemDetails,
  jsonapi: jsonApi,
  discord,
  'deception-userinfo': () => deceiving('userinfo'),
  'deception-scheme-relative': () => deceiving('scheme-relative'),
  'deception-backslash': () => deceiving('backslash'),
};

/** The hostile response served at `path`, or null when the path names no shape. */
export function hostileResponse(path: string): DemoResponse | null {
  const shape = path.slice(hostilePathPrefix.length);
  return Object.hasOwn(builders, shape) ? builders[shape as HostileShape | DeceptionShape]() : null;
}
