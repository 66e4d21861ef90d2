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

const builders: Readonly<Record<HostileShape, () => DemoResponse>> = { 'problem-details': problemDetails, jsonapi: jsonApi, discord };

/** The hostile response served at `path`, or null when the path names no shape. */
export function hostileResponse(path: string): DemoResponse | null {
  const shape = path.slice(hostilePathPrefix.length);
  return (hostileShapes as readonly string[]).includes(shape) ? builders[shape as HostileShape]() : null;
}
