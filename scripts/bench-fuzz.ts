/**
 * Hostile input, at length (part of `npm run bench`): the named pathological bodies timed one by one, then a
 * long fast-check run over arbitrary strings and JSON. The test suite runs the same properties with fewer cases.
 * Target: nothing throws, and no single decode takes over 1 s.
 */
import fc from 'fast-check';
import { analyze } from '../src/core/analyze.ts';
import type { Exchange } from '../src/core/exchange.ts';
import { hostileBodies } from '../src/core/fixtures/hostile-bodies.ts';

const SINGLE_DECODE_LIMIT_MS = 1000;
const RUNS = 50_000;

function exchange(status: number, text: string, mimeType: string, encoding?: 'base64'): Exchange {
  return { method: 'POST', url: 'https://api.example.test/v1/x', requestHeaders: [], status, responseHeaders: [{ name: 'Content-Type', value: mimeType }], body: { text, encoding }, mimeType, receivedAt: Date.UTC(2026, 10, 22) };
}

/** Decodes and times one exchange; a throw is recorded as Infinity so it fails the run. */
function timedDecode(input: Exchange): number {
  const start = performance.now();
  try {
    analyze(input);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return performance.now() - start;
}

export function runFuzzBench(): void {
  console.log('\nHostile input: each named body decoded or refused');
  let worst = 0;
  for (const body of hostileBodies()) {
    const ms = timedDecode(exchange(body.status, body.text, body.mimeType, body.encoding));
    worst = Math.max(worst, ms);
    console.log(`  ${body.name.padEnd(34)} ${Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'THREW'}`);
  }

  const statuses = fc.constantFrom(200, 202, 400, 401, 403, 404, 422, 429, 500, 502, 503);
  const mimes = fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'text/plain', 'application/xml', '');
  const bodies = fc.oneof(fc.string({ maxLength: 4000 }), fc.jsonValue({ maxDepth: 10 }).map((v) => JSON.stringify(v)));
  const start = performance.now();
  fc.assert(
    fc.property(statuses, mimes, bodies, (status, mime, body) => {
      worst = Math.max(worst, timedDecode(exchange(status, body, mime)));
    }),
    { numRuns: RUNS, seed: 20261122 },
  );
  const pass = worst <= SINGLE_DECODE_LIMIT_MS;
  console.log(`  fast-check: ${RUNS} arbitrary bodies in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  console.log(`  slowest single decode ${Number.isFinite(worst) ? `${worst.toFixed(1)} ms` : 'THREW'}  target ≤ ${SINGLE_DECODE_LIMIT_MS} ms, never throws  ${pass ? 'PASS' : 'FAIL'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) runFuzzBench();
