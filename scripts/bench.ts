/**
 * Decode benchmark (`npm run bench`).
 *
 * 1. Engine: analyze() over every exchange of a realistic in-memory HAR (mostly 2xx JSON lists of
 *    1–50 KB, ~10% error responses from the fixtures) against JSON.parse of the same bodies.
 *    Target: analyze ≤ 0.6× JSON.parse (it skips 2xx bodies no success hint lets through).
 * 2. CLI: `faultline decode --json` against a Node process that only reads and JSON.parses the same
 *    file (both timed as whole processes), on two shapes: a ~100 MB HAR of few, large bodies and a HAR
 *    of 400 000 small entries (5% errors). Target ≤ 1.5× the time and ≤ 1.5× the peak RSS on both.
 * 3. Hostile input: the named pathological bodies timed, and a long fast-check run (scripts/bench-fuzz.ts).
 * 4. Panel: the built extension in real Chromium DevTools under 10 000 and 100 000 requests
 *    (scripts/bench-panel.ts, which says what it measures).
 *
 * `npm run bench -- --only cli` (or engine, fuzz, panel; comma-separated) runs only those parts. The engine part
 * also prints the gzip size of the engine worker of the last `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, readdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyze } from '../src/core/analyze.ts';
import type { Exchange } from '../src/core/exchange.ts';
import { fixtures } from '../src/core/fixtures/index.ts';
import { fixtureExchange } from '../src/core/fixtures/render.ts';
import { runFuzzBench } from './bench-fuzz.ts';
import { runPanelBench } from './bench-panel.ts';

const ENGINE_TARGET = 0.6;
const CLI_TARGET = 1.5;
const ENGINE_MB = 40;
const CLI_MB = 100;
/** The many-small-entries shape: this many entries, this share of them errors. */
const SMALL_ENTRIES = 400_000;
const SMALL_ERROR_SHARE = 0.05;
const RUNS = 7;
const CLI_RUNS = 3;
const MB = 1024 * 1024;
const ROOT = join(import.meta.dirname, '..');

/** Deterministic PRNG (mulberry32), so every run decodes the same HAR. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20260422);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const int = (max: number): number => Math.floor(random() * max);
const words = ['alpha', 'cloud', 'render', 'node', 'backup', 'invoice', 'server', 'region', 'storage', 'deploy', 'metric', 'stream', 'gateway', 'cluster', 'volume'];
const sentence = (n: number): string => Array.from({ length: n }, () => pick(words)).join(' ');
const iso = (): string => new Date(Date.UTC(2026, int(12), 1 + int(28), int(24), int(60), int(60))).toISOString();

/** The item shapes of typical list endpoints: products, orders (which have a `status`), users. */
const itemMakers: readonly ((id: number) => unknown)[] = [
  (id) => ({ id, sku: `SKU-${id}`, name: sentence(3), description: sentence(25), price: { amount: int(100000), currency: 'EUR' }, tags: [pick(words), pick(words)], inventory: { available: int(500), reserved: int(20) }, images: [{ url: `https://cdn.example.test/p/${id}.jpg`, width: 800, height: 600 }], created_at: iso(), updated_at: iso() }),
  (id) => ({ id: `ord_${id}`, status: pick(['pending', 'paid', 'shipped', 'delivered', 'refunded']), customer: { id: `cus_${int(1e6)}`, email: `user${id}@example.test`, name: sentence(2) }, lines: Array.from({ length: 1 + int(4) }, () => ({ product_id: int(1e5), qty: 1 + int(5), unit_price: int(20000) })), total: int(200000), currency: 'USD', created_at: iso() }),
  (id) => ({ id, login: `user_${id}`, email: `user${id}@example.test`, display_name: sentence(2), avatar_url: `https://avatars.example.test/u/${id}`, roles: [pick(['admin', 'member', 'viewer'])], settings: { theme: pick(['light', 'dark']), locale: pick(['en-US', 'de-DE', 'sv-SE']) }, last_seen_at: iso() }),
];

/** A 2xx list body of about `bytes` bytes. */
function listBody(bytes: number): string {
  const make = pick(itemMakers);
  const items: unknown[] = [];
  let size = 80;
  for (let id = 1; size < bytes; id++) {
    const item = make(id);
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return JSON.stringify({ data: items, meta: { page: 1 + int(20), per_page: items.length, total: 5000 }, links: { next: `https://api.example.test/v1/items?page=${2 + int(20)}` } });
}

const errorFixtures = fixtures.filter((f) => f.expect !== null);

function successExchange(now: number): Exchange {
  const body = listBody(1024 + int(49 * 1024));
  const limited = random() < 0.5;
  return {
    method: 'GET',
    url: `https://api.example.test/v1/${pick(['products', 'orders', 'users'])}?page=${1 + int(50)}`,
    requestHeaders: [{ name: 'Accept', value: 'application/json' }],
    status: 200,
    responseHeaders: [
      { name: 'Content-Type', value: 'application/json; charset=utf-8' },
      { name: 'Date', value: new Date(now).toUTCString() },
      { name: 'X-Request-Id', value: `req_${int(1e9)}` },
      ...(limited ? [{ name: 'X-RateLimit-Limit', value: '5000' }, { name: 'X-RateLimit-Remaining', value: String(int(5000)) }, { name: 'X-RateLimit-Reset', value: String(Math.floor(now / 1000) + 3600) }] : []),
    ],
    body: { text: body },
    mimeType: 'application/json',
    receivedAt: now,
  };
}

/** About `megabytes` of exchanges: ~90% successes, ~10% fixture errors. */
function generateExchanges(megabytes: number): Exchange[] {
  const exchanges: Exchange[] = [];
  let bytes = 0;
  let now = Date.UTC(2026, 3, 22, 12, 0, 0);
  while (bytes < megabytes * MB) {
    now += 20 + int(200);
    const fixture = errorFixtures.length > 0 && random() < 0.1 ? pick(errorFixtures) : null;
    const exchange = fixture === null ? successExchange(now) : fixtureExchange(fixture, now);
    bytes += exchange.body?.text.length ?? 0;
    exchanges.push(exchange);
  }
  return exchanges;
}

function harEntry(x: Exchange): unknown {
  return {
    startedDateTime: new Date(x.receivedAt - 40).toISOString(),
    time: 40,
    _resourceType: 'fetch',
    request: { method: x.method, url: x.url, httpVersion: 'http/2.0', headers: x.requestHeaders, cookies: [], queryString: [], headersSize: -1, bodySize: 0 },
    response: { status: x.status, statusText: '', httpVersion: 'http/2.0', headers: x.responseHeaders, cookies: [], content: { size: x.body?.text.length ?? 0, mimeType: x.mimeType, ...(x.body === null ? {} : { text: x.body.text }) }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { send: 0, wait: 35, receive: 5 },
  };
}

/** Writes a HAR of `count` entries from `next` straight to a file (400 000 entry objects at once would dwarf what is measured). */
function writeHar(file: string, count: number, next: (i: number) => Exchange): void {
  const fd = openSync(file, 'w');
  writeSync(fd, `{"log":{"version":"1.2","creator":{"name":"faultline-bench","version":"1"},"pages":[],"entries":[`);
  let block = '';
  for (let i = 0; i < count; i++) {
    block += `${i === 0 ? '' : ','}${JSON.stringify(harEntry(next(i)))}`;
    if (block.length > 1 * MB) {
      writeSync(fd, block);
      block = '';
    }
  }
  writeSync(fd, `${block}]}}`);
  closeSync(fd);
}

/** A small 2xx: one resource of a REST API, with the headers such an API sends. */
function smallSuccess(now: number): Exchange {
  const id = int(1e6);
  return {
    method: pick(['GET', 'GET', 'GET', 'POST', 'PATCH']),
    url: `https://api.example.test/v1/${pick(['products', 'orders', 'users'])}/${id}`,
    requestHeaders: [{ name: 'Accept', value: 'application/json' }],
    status: pick([200, 200, 200, 201, 204, 304]),
    responseHeaders: [
      { name: 'Content-Type', value: 'application/json; charset=utf-8' },
      { name: 'Date', value: new Date(now).toUTCString() },
      { name: 'X-Request-Id', value: `req_${int(1e9)}` },
    ],
    body: { text: JSON.stringify({ id, name: sentence(2), status: pick(['active', 'pending']), updated_at: iso() }) },
    mimeType: 'application/json',
    receivedAt: now,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeIt(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const verdict = (ratio: number, target: number): string => (ratio <= target ? 'PASS' : 'FAIL');

const only = ((): Set<string> | null => {
  const at = process.argv.indexOf('--only');
  return at === -1 ? null : new Set((process.argv[at + 1] ?? '').split(','));
})();
const runs = (part: string): boolean => only === null || only.has(part);

/** The gzip size of the engine worker in the last build (dist/chrome), or why there is none. */
function engineWorkerGzip(): string {
  const assets = join(ROOT, 'dist/chrome/assets');
  if (!existsSync(assets)) return 'no build (run `npm run build` first)';
  const workers = readdirSync(assets).filter((file) => /^worker[-.].*\.js$/.test(file));
  if (workers.length === 0) return 'no worker file in dist/chrome/assets';
  const bytes = workers.reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file))).length, 0);
  return `${(bytes / 1024).toFixed(1)} KB gzip (${workers.join(', ')})`;
}

// 1. Engine -------------------------------------------------------------------------------------
function engineBench(): void {
  const exchanges = generateExchanges(ENGINE_MB);
  const bodies = exchanges.map((x) => x.body?.text ?? '');
  const bodyMb = bodies.reduce((sum, b) => sum + b.length, 0) / MB;
  const errorCount = exchanges.filter((x) => x.status >= 400).length;
  // Counted per pass and printed, so neither loop's work can be optimized away.
  let parsedBodies = 0;
  let decodedErrors = 0;
  const parseAll = (): void => {
    parsedBodies = 0;
    for (const body of bodies) {
      try {
        if (JSON.parse(body) !== undefined) parsedBodies++;
      } catch {
        // an HTML or text error page: trying to parse it is what JSON.parse costs, too
      }
    }
  };
  const analyzeAll = (): void => {
    decodedErrors = 0;
    for (const exchange of exchanges) if (analyze(exchange).error !== null) decodedErrors++;
  };
  parseAll();
  analyzeAll(); // warm-up
  const parseTimes: number[] = [];
  const analyzeTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    parseTimes.push(timeIt(parseAll));
    analyzeTimes.push(timeIt(analyzeAll));
  }
  const parseMs = median(parseTimes);
  const analyzeMs = median(analyzeTimes);
  const engineRatio = analyzeMs / parseMs;
  console.log('Engine: analyze() over every exchange vs JSON.parse of the same bodies');
  console.log(`  entries            ${exchanges.length} (${errorCount} errors, ${exchanges.length - errorCount} 2xx)`);
  console.log(`  bodies             ${bodyMb.toFixed(1)} MB (${parsedBodies} JSON; ${decodedErrors} errors decoded)`);
  console.log(`  JSON.parse         ${parseMs.toFixed(1)} ms  (median of ${RUNS})`);
  console.log(`  analyze()          ${analyzeMs.toFixed(1)} ms  (median of ${RUNS})  ${(bodyMb / (analyzeMs / 1000)).toFixed(0)} MB/s`);
  console.log(`  ratio              ${engineRatio.toFixed(2)}×  target ≤ ${ENGINE_TARGET}×  ${verdict(engineRatio, ENGINE_TARGET)}`);
  console.log(`  engine worker      ${engineWorkerGzip()}`);
}

// 2. CLI ----------------------------------------------------------------------------------------
/** Times `faultline decode --json` and a read + JSON.parse process on one HAR file; prints both ratios. */
function cliBench(title: string, harFile: string, dir: string): void {
  const fileMb = statSync(harFile).size / MB;
  // Peak RSS of a child, read from inside it at exit (no external `time` binary needed).
  const rssProbe = join(dir, 'rss.cjs');
  // Its CPU time too: on a machine shared with other work, wall time says as much about the neighbours as about the code.
  writeFileSync(rssProbe, `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.FAULTLINE_RSS_OUT, [u.maxRSS, (u.userCPUTime + u.systemCPUTime) / 1000].join(' ')); });`);
  /** Runs one process; returns its wall time and CPU time (ms) and peak RSS (KB). */
  const runProcess = (args: readonly string[]): { ms: number; cpuMs: number; rssKb: number } => {
    const rssOut = join(dir, 'child.rss');
    const start = performance.now();
    const result = spawnSync(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${rssProbe}`, FAULTLINE_RSS_OUT: rssOut },
      maxBuffer: 16 * MB,
    });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${String(result.status)}): ${result.stderr.toString()}`);
    const [rssKb, cpuMs] = readFileSync(rssOut, 'utf8').split(' ').map(Number);
    return { ms, cpuMs: cpuMs ?? Number.NaN, rssKb: rssKb ?? Number.NaN };
  };
  const baseline = ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(harFile)}, 'utf8'))`];
  const cli = [join(ROOT, 'bin/faultline.js'), 'decode', harFile, '--json'];
  runProcess(cli); // warm the file cache
  const base: ReturnType<typeof runProcess>[] = [];
  const ours: ReturnType<typeof runProcess>[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    base.push(runProcess(baseline));
    ours.push(runProcess(cli));
  }
  const baseMs = median(base.map((r) => r.ms));
  const cliMs = median(ours.map((r) => r.ms));
  const baseCpu = median(base.map((r) => r.cpuMs));
  const cliCpu = median(ours.map((r) => r.cpuMs));
  const baseRss = median(base.map((r) => r.rssKb)) / 1024;
  const cliRss = median(ours.map((r) => r.rssKb)) / 1024;
  const timeRatio = cliMs / baseMs;
  const rssRatio = cliRss / baseRss;
  console.log(`\nCLI, ${title}: \`faultline decode --json\` vs a node process that reads + JSON.parses the same file`);
  console.log(`  HAR file           ${fileMb.toFixed(1)} MB`);
  console.log(`  read + JSON.parse  ${baseMs.toFixed(0)} ms (CPU ${baseCpu.toFixed(0)} ms), peak RSS ${baseRss.toFixed(0)} MB (medians of ${CLI_RUNS} processes)`);
  console.log(`  faultline decode   ${cliMs.toFixed(0)} ms (CPU ${cliCpu.toFixed(0)} ms), peak RSS ${cliRss.toFixed(0)} MB (medians of ${CLI_RUNS} processes)`);
  console.log(`  time ratio         ${timeRatio.toFixed(2)}×  target ≤ ${CLI_TARGET}×  ${verdict(timeRatio, CLI_TARGET)}  (CPU time ${(cliCpu / baseCpu).toFixed(2)}×)`);
  console.log(`  peak RSS ratio     ${rssRatio.toFixed(2)}×  target ≤ ${CLI_TARGET}×  ${verdict(rssRatio, CLI_TARGET)}`);
}

function cliBenches(): void {
  spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
  try {
    const large = join(dir, 'large-bodies.har');
    const largeExchanges = generateExchanges(CLI_MB * 0.97);
    writeHar(large, largeExchanges.length, (i) => largeExchanges[i] as Exchange);
    largeExchanges.length = 0;
    cliBench(`few large bodies`, large, dir);
    rmSync(large);
    const small = join(dir, 'small-entries.har');
    let now = Date.UTC(2026, 3, 22, 12, 0, 0);
    writeHar(small, SMALL_ENTRIES, () => {
      now += int(20);
      return errorFixtures.length > 0 && random() < SMALL_ERROR_SHARE ? fixtureExchange(pick(errorFixtures), now) : smallSuccess(now);
    });
    cliBench(`${SMALL_ENTRIES.toLocaleString('en-US')} small entries (${SMALL_ERROR_SHARE * 100}% errors)`, small, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (runs('engine')) engineBench();
if (runs('cli')) cliBenches();
// 3. Hostile input at length (scripts/bench-fuzz.ts)
if (runs('fuzz')) runFuzzBench();
// 4. The panel in real Chromium DevTools (scripts/bench-panel.ts)
if (runs('panel')) await runPanelBench();
