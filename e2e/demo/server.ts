import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { fixtures, type Fixture } from '../../src/core/fixtures/index.ts';
import { renderResponse } from '../../src/core/fixtures/render.ts';
import { demoCredentials, fixturePathPrefix } from './calls.ts';
import { hostilePathPrefix, hostileResponse } from './hostile.ts';
import { pageCss, pageCsp, renderPage } from './page.ts';
import { QuotaWindow, ietfRateLimitResponse, itemsResponse, xRateLimitResponse, type DemoResponse } from './quota.ts';
import { ServedStats } from './stats.ts';

/**
 * The demo API: every fixture at /api/fx/<name> (rendered at request time, any method), success
 * endpoints with rate-limit headers, the demo pages, and served-request counters at /__stats.
 * Run it alone with `npx tsx e2e/demo/server.ts`.
 */

export const DEFAULT_DEMO_PORT = 8787;

export interface DemoServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  /**
   * The same API on another port of the same host: another origin, whose responses carry no CORS
   * headers, so the page's calls to it fail the CORS check ("Failed to fetch").
   */
  readonly otherOrigin: string;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

const fixturesByName: ReadonlyMap<string, Fixture> = new Map(fixtures.map((fixture) => [fixture.name, fixture]));

let clientScript: Promise<string> | null = null;

/** The page script, transpiled from client.ts once per process (TypeScript loads in about half a second). */
function pageScript(): Promise<string> {
  clientScript ??= (async () => {
    const { default: ts } = await import('typescript');
    const source = await readFile(new URL('./client.ts', import.meta.url), 'utf8');
    return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  })();
  return clientScript;
}

function send(res: ServerResponse, response: DemoResponse, now: number): void {
  // The Date header comes first so a fixture that templates its own Date wins.
  res.setHeader('Date', new Date(now).toUTCString());
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  // 204 and 304 carry no body and so no length.
  if (response.status !== 204 && response.status !== 304) res.setHeader('Content-Length', Buffer.byteLength(response.body));
  res.writeHead(response.status);
  res.end(response.body);
}

function fixtureResponse(fixture: Fixture, now: number, path: string): DemoResponse {
  const rendered = renderResponse(fixture, now, path);
  const headers: Record<string, string> = {};
  for (const { name, value } of rendered.headers) headers[name] = value;
  return { status: rendered.status, headers, body: rendered.body };
}

const notFound = (what: string): DemoResponse => ({ status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `${what} not found\n` });

const jsonResponse = (value: unknown): DemoResponse => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });

function pageResponse(which: 'first' | 'second', otherOrigin: string): DemoResponse {
  const html = renderPage(
    which === 'first'
      ? { title: 'Faultline demo API', link: { href: '/page2', label: 'Go to page 2' }, otherOrigin }
      : { title: 'Faultline demo API, page 2', link: { href: '/', label: 'Back to page 1' }, otherOrigin },
  );
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': pageCsp(otherOrigin),
      // The cookie every later fetch carries, so redaction of cookies is tested on real traffic.
      'Set-Cookie': `${demoCredentials.sessionCookie}; Path=/; HttpOnly; SameSite=Strict`,
    },
    body: html,
  };
}

function decodedFixtureName(path: string): string | null {
  try {
    return decodeURIComponent(path.slice(fixturePathPrefix.length));
  } catch {
    return null;
  }
}

interface ServerState {
  readonly stats: ServedStats;
  otherOrigin: string;
  readonly xRateLimit: QuotaWindow;
  readonly ietf: QuotaWindow;
}

/** Answers /api/…: counted, so a test can compare the panel's count with what was served. */
function apiResponse(path: string, state: ServerState, now: number): DemoResponse {
  let response: DemoResponse;
  let isError: boolean;
  if (path.startsWith(fixturePathPrefix)) {
    const fixture = fixturesByName.get(decodedFixtureName(path) ?? '');
    response = fixture === undefined ? notFound('fixture') : fixtureResponse(fixture, now, path);
    isError = fixture === undefined || fixture.expect !== null;
  } else {
    if (path === '/api/quota/ok') response = xRateLimitResponse(state.xRateLimit, now);
    else if (path === '/api/quota/ietf') response = ietfRateLimitResponse(state.ietf, now);
    else if (path === '/api/items') response = itemsResponse();
    else if (path.startsWith(hostilePathPrefix)) response = hostileResponse(path) ?? notFound('hostile shape');
    else response = notFound('endpoint');
    isError = response.status >= 400;
  }
  state.stats.record(path, isError);
  return response;
}

async function route(req: IncomingMessage, state: ServerState, now: number): Promise<DemoResponse> {
  const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
  if (path.startsWith('/api/')) return apiResponse(path, state, now);
  switch (path) {
    case '/':
    case '/index.html':
      return pageResponse('first', state.otherOrigin);
    case '/page2':
      return pageResponse('second', state.otherOrigin);
    case '/demo.js':
      return { status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' }, body: await pageScript() };
    case '/demo.css':
      return { status: 200, headers: { 'Content-Type': 'text/css; charset=utf-8' }, body: pageCss };
    case '/favicon.ico':
      // An empty answer rather than a 404, which would show up as an error in the panel.
      return { status: 204, headers: {}, body: '' };
    case '/__stats':
      return jsonResponse(state.stats.snapshot());
    case '/__stats/reset':
      state.stats.reset();
      state.xRateLimit.reset();
      state.ietf.reset();
      return jsonResponse(state.stats.snapshot());
    default:
      return notFound('page');
  }
}

function listen(server: Server, port: number, host: string): Promise<string> {
  // Bursts of 10 000 requests arrive over a handful of keep-alive connections.
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
    });
  });
}

function closed(server: Server): Promise<void> {
  return new Promise<void>((done, fail) => {
    server.close((error) => (error ? fail(error) : done()));
    server.closeAllConnections();
  });
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { port = 0, host = '127.0.0.1' } = options;
  const state: ServerState = { stats: new ServedStats(), otherOrigin: '', xRateLimit: new QuotaWindow(60, 60), ietf: new QuotaWindow(100, 60) };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    req.resume(); // request bodies are not read; drain them so keep-alive connections stay usable
    const now = Date.now();
    route(req, state, now)
      .then((response) => send(res, response, now))
      .catch((error: unknown) => {
        // e.g. a fixture header Node refuses to send: say so instead of dropping the connection
        console.error('demo server:', error);
        if (res.headersSent) res.destroy();
        else send(res, { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'demo server failed\n' }, now);
      });
  };
  const main = createServer(handle);
  const other = createServer(handle);
  const origin = await listen(main, port, host);
  try {
    state.otherOrigin = await listen(other, 0, host);
  } catch (error) {
    await closed(main);
    throw error;
  }
  return { origin, otherOrigin: state.otherOrigin, close: () => Promise.all([closed(main), closed(other)]).then(() => undefined) };
}

/** Listens on DEFAULT_DEMO_PORT, or on a free port when that one is taken (a second `npm start`). */
export async function startDemoServerOnDefaultPort(): Promise<DemoServer> {
  try {
    return await startDemoServer({ port: DEFAULT_DEMO_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startDemoServer({ port: 0 });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startDemoServerOnDefaultPort();
  console.log(`Faultline demo API on ${server.origin}/  (${fixtures.length} fixtures; Ctrl-C to stop)`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
