import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { gzipSync } from 'node:zlib';

/**
 * A loopback server for the capture matrix (e2e/capture*.spec.ts): one endpoint per way a page can
 * receive an error, each answered as real servers answer it. It listens twice, on 127.0.0.1 (the
 * page's origin) and on 127.0.0.2 (a second origin, for cross-origin and CORS cases), with the same
 * routes; `/lab` is the page the tests drive through the functions it puts on `window`.
 */

export interface CaptureLab {
  /** `http://127.0.0.1:<port>`: the page's own origin. */
  readonly origin: string;
  /** `http://127.0.0.2:<port>`: another origin, for cross-origin requests. */
  readonly otherOrigin: string;
  /** Requests served per path (query excluded), to compare what the panel shows with what was answered. */
  served(path: string): number;
  close(): Promise<void>;
}

/** An RFC 9457 problem: the message sits in the first bytes, whatever follows (`padding`) makes it large. */
function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'https://example.com/probs/lab', title, status, detail, ...extra });
}

function json(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** CORS headers that let the lab page's origin read a response from the other origin. */
function allow(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
}

/** The page: every case is a function on `window`, so a test calls it by name and awaits what the page's code saw. */
function labPage(otherOrigin: string): string {
  const script = `
const other = ${JSON.stringify(otherOrigin)};
const outcome = (p) => p.then((r) => 'status ' + r.status, (e) => String(e));
window.lab = {
  read: (status) => outcome(fetch('/api/read/' + status).then(async (r) => { await r.text(); return r; })),
  // The most common client pattern: the error body is never read.
  unread: (path) => outcome(fetch(path).then((r) => { if (!r.ok) throw new Error(String(r.status)); return r; })),
  xhr: (path) => new Promise((resolve) => { const x = new XMLHttpRequest(); x.open('GET', path); x.onloadend = () => resolve('status ' + x.status); x.send(); }),
  crossOrigin: (path, init) => outcome(fetch(other + path, init).then(async (r) => { await r.text(); return r; })),
  worker: (path) => new Promise((resolve) => {
    const w = new Worker(URL.createObjectURL(new Blob(['fetch(' + JSON.stringify(new URL(path, location.href).href) + ').then(async (r) => { await r.text(); postMessage(r.status); })'], { type: 'text/javascript' })));
    w.onmessage = (e) => resolve('status ' + e.data);
  }),
  iframe: (path) => new Promise((resolve) => { const f = document.createElement('iframe'); f.src = path; f.onload = () => resolve('loaded'); document.body.append(f); }),
  large: (bytes) => outcome(fetch('/api/large?bytes=' + bytes).then(async (r) => { await r.text(); return r; })),
  // Fetches now, reads the body only when told (window.lab.readHeld()): the body reaches DevTools late.
  holdUnread: (path) => outcome(fetch(path).then((r) => { window.held = r; return r; })),
  readHeld: () => window.held.text().then((text) => text.length),
  sharedWorker: (path) => new Promise((resolve) => {
    const w = new SharedWorker(URL.createObjectURL(new Blob(['onconnect = (e) => fetch(' + JSON.stringify(new URL(path, location.href).href) + ').then(async (r) => { await r.text(); e.ports[0].postMessage(r.status); })'], { type: 'text/javascript' })));
    w.port.onmessage = (e) => resolve('status ' + e.data);
  }),
  errorThenNavigate: (path) => { fetch(path).then(async (r) => { await r.text(); location.href = '/lab?after=' + encodeURIComponent(path); }); return 'navigating'; },
  // Registers the pass-through worker (it answers /api/sw/* only), then fetches through it.
  serviceWorker: async (status) => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    if (!registration.active) return 'no worker';
    const r = await fetch('/api/sw/' + status);
    await r.text();
    return 'status ' + r.status;
  },
  webSocket: (path) => new Promise((resolve) => { const ws = new WebSocket('ws://' + location.host + path); ws.onerror = () => resolve('error'); ws.onopen = () => resolve('open'); }),
  eventSource: (path) => new Promise((resolve) => { const es = new EventSource(path); es.onerror = () => { es.close(); resolve('error ' + es.readyState); }; }),
  beaconThenNavigate: (path) => { navigator.sendBeacon(path, JSON.stringify({ event: 'checkout' })); location.href = '/lab?after=beacon'; return 'navigating'; },
  burst: (path, count) => Promise.all(Array.from({ length: count }, () => fetch(path).then((r) => r.text()))).then((all) => all.length),
};
document.body.dataset.ready = 'yes';
`;
  return `<!doctype html><meta charset="utf-8"><title>capture lab</title><body><script>${script}</script></body>`;
}

/** A Service Worker that passes every request through to the network, the most common worker (Workbox NetworkOnly). */
const PASS_THROUGH_WORKER = `
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => { if (new URL(event.request.url).pathname.startsWith('/api/sw/')) event.respondWith(fetch(event.request)); });
`;

/** Refuses a WebSocket upgrade as an auth proxy does: a plain HTTP 403 with a JSON body, then the socket closes. */
function refuseUpgrade(socket: Duplex): void {
  const body = problem(403, 'Forbidden', 'WebSocket connection refused: missing or invalid session token.');
  socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export async function startCaptureLab(): Promise<CaptureLab> {
  const counts = new Map<string, number>();
  let otherOrigin = '';

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://lab.invalid');
    const path = url.pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const requestOrigin = req.headers.origin;
    const read = /^\/api\/(?:read|sw)\/(\d{3})$/.exec(path);
    if (path === '/lab') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(labPage(otherOrigin));
    } else if (path === '/sw.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      res.end(PASS_THROUGH_WORKER);
    } else if (read !== null) {
      json(res, Number(read[1]), problem(Number(read[1]), 'Lab error', `The lab answered ${read[1]} at ${path}.`));
    } else if (path === '/page/forbidden') {
      // nginx's built-in error page, as an iframe shows it when the proxy refuses.
      const page = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
      res.writeHead(403, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(page), 'Cache-Control': 'no-store' });
      res.end(page);
    } else if (path === '/api/unread') {
      json(res, 500, problem(500, 'Internal Server Error', 'The order service timed out.'), { 'X-Request-Id': 'req-unread-1' });
    } else if (path === '/api/unread-limited') {
      json(res, 429, problem(429, 'Too Many Requests', 'Slow down.'), { 'Retry-After': '30' });
    } else if (path === '/api/cors/missing') {
      json(res, 500, problem(500, 'Internal Server Error', 'Hidden from the page by CORS.'));
    } else if (path === '/api/cors/allowed') {
      json(res, 500, problem(500, 'Internal Server Error', 'Readable across origins.'), requestOrigin === undefined ? {} : allow(requestOrigin));
    } else if (path === '/api/cors/preflight') {
      // The preflight is refused (no Access-Control-Allow-* at all), so the PUT is never sent.
      if (req.method === 'OPTIONS') json(res, 403, problem(403, 'Forbidden', 'Preflight refused.'));
      else json(res, 500, problem(500, 'Internal Server Error', 'Never reached.'));
    } else if (path === '/api/large') {
      const bytes = Number(url.searchParams.get('bytes') ?? '300000');
      const head = problem(422, 'Unprocessable Entity', 'The upload manifest lists 40000 files; the limit is 10000.', { padding: '' });
      // The padding goes last, so the message is in the first bytes of a body of the requested size.
      const padding = 'x'.repeat(Math.max(0, bytes - head.length));
      json(res, 422, head.replace('"padding":""', `"padding":"${padding}"`));
    } else if (path === '/api/gzip') {
      const body = gzipSync(problem(400, 'Bad Request', 'Compressed error body.'));
      res.writeHead(400, { 'Content-Type': 'application/problem+json', 'Content-Encoding': 'gzip', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end(body);
    } else if (path === '/api/redirect') {
      res.writeHead(302, { Location: '/api/read/410', 'Cache-Control': 'no-store' });
      res.end();
    } else if (path === '/api/session-expired') {
      json(res, 401, problem(401, 'Unauthorized', 'Your session expired; sign in again.'));
    } else if (path === '/api/events') {
      json(res, 503, problem(503, 'Service Unavailable', 'The event stream is paused for maintenance.'), { 'Retry-After': '120' });
    } else if (path === '/api/beacon') {
      req.resume();
      req.on('end', () => json(res, 400, problem(400, 'Bad Request', 'Beacon payload rejected: unknown event.')));
    } else if (path === '/api/same') {
      json(res, 503, problem(503, 'Service Unavailable', 'Identical concurrent request.'));
    } else {
      json(res, 404, problem(404, 'Not Found', `No lab route ${path}.`));
    }
  };

  const listen = (host: string): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer(handle);
      server.on('upgrade', (_req, socket: Duplex) => refuseUpgrade(socket));
      server.once('error', reject);
      server.listen(0, host, () => resolve(server));
    });
  const servers = [await listen('127.0.0.1'), await listen('127.0.0.2')];
  const [own, other] = servers.map((server) => `http://${(server.address() as AddressInfo).address}:${(server.address() as AddressInfo).port}`);
  otherOrigin = other ?? '';
  return {
    origin: own ?? '',
    otherOrigin,
    served: (path) => counts.get(path) ?? 0,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
