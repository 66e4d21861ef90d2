import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import type { Exchange } from '../../core/exchange.ts';
import { fingerprintOf } from '../../core/findings/index.ts';
import { gpuOutletProviderPoolEmpty, hostupNotFound, restoreHubValidation } from '../testing/seed-exchanges.ts';
import { splitUrl, type ErrorEntry } from './entries.ts';
import { catastrophicReason, errorPredicate, filtersFrom, noFilters, textMatcher } from './filters.ts';

function entry(exchange: Exchange): ErrorEntry {
  const error = analyze(exchange).error;
  if (error === null) throw new Error('fixture is not an error');
  return { kind: 'error', key: 1, id: 'r', exchange, error, captureNote: null, ...splitUrl(exchange.url), fingerprint: fingerprintOf(exchange, error) };
}

const hostup = entry(hostupNotFound());
const restoreHub = entry(restoreHubValidation());
const gpu = entry(gpuOutletProviderPoolEmpty());
const all = [hostup, restoreHub, gpu];
const shown = (filters: Partial<typeof noFilters>) => all.filter(errorPredicate({ ...noFilters, ...filters }));

describe('filters', () => {
  it('narrows to one kind of error: the same method, URL template, status and code, another id in the path included', () => {
    const otherVps = entry({ ...hostupNotFound(), url: 'https://api.hostup.se/api/v2/vps/vps_zzz999' });
    const kinds = [...all, otherVps].filter(errorPredicate({ ...noFilters, fingerprint: hostup.fingerprint.key }));
    expect(kinds).toEqual([hostup, otherVps]);
    expect(filtersFrom({ fingerprint: hostup.fingerprint.key }).fingerprint).toBe(hostup.fingerprint.key);
  });

  it('matches text as a case-insensitive substring of URL, method, status and message', () => {
    expect(shown({ text: 'VPS_ABC' })).toEqual([hostup]);
    expect(shown({ text: 'post' })).toEqual([restoreHub, gpu]);
    expect(shown({ text: '503' })).toEqual([gpu]);
  });

  it('treats /…/ as a regular expression, and an invalid one as matching nothing', () => {
    expect(shown({ text: '/^(404|400)$/m' })).toEqual([hostup, restoreHub]);
    expect(shown({ text: '/restorehub|gpuoutlet/' })).toEqual([restoreHub, gpu]);
    expect(shown({ text: '/(unclosed/' })).toEqual([]);
    expect(textMatcher('/(unclosed/').ok).toBe(false);
  });

  it('filters by status class and host', () => {
    expect(shown({ status: '5xx' })).toEqual([gpu]);
    expect(shown({ status: '4xx' })).toEqual([hostup, restoreHub]);
    expect(shown({ status: 'in-2xx' })).toEqual([]);
    expect(shown({ host: 'api.hostup.se' })).toEqual([hostup]);
  });

  it('filters by family', () => {
    expect(shown({ family: hostup.error.format })).toContain(hostup);
    expect(shown({ family: 'no-such-family' })).toEqual([]);
  });

  it('reads stored filters defensively', () => {
    expect(filtersFrom(null)).toEqual(noFilters);
    expect(filtersFrom({ text: 7, status: 'weird', host: 'a.test' })).toEqual({ ...noFilters, host: 'a.test' });
    expect(filtersFrom(JSON.parse('{"__proto__":{"text":"x"},"status":"5xx"}'))).toEqual({ ...noFilters, status: '5xx' });
  });

  // The ReDoS shapes of the OWASP "Regular expression Denial of Service" page and the (a|a)+b.
  it.each(['(a|a)+b', '(a+)+b', '([a-zA-Z]+)*$', '(a|aa)+$', '(.*a){12}', '^(\\w+\\s?)*$', '(x+x+)+y', '(a)\\1', 'a*a*a*b'])('refuses the catastrophic pattern /%s/', (source) => {
    expect(catastrophicReason(source)).not.toBeNull();
    const matcher = textMatcher(`/${source}/`);
    expect(matcher.ok).toBe(false);
    expect(shown({ text: `/${source}/` })).toEqual([]);
  });

  it.each(['^(404|400)$', 'restorehub|gpuoutlet', '5\\d\\d|timeout', 'vps_.*_not_found', 'rate.?limit', '[(|)+]+', '\\(a\\)+', '(?:foo|bar)baz', 'a{2,5}b'])('accepts the everyday pattern /%s/', (source) => {
    expect(catastrophicReason(source)).toBeNull();
  });

  it('never spends long on a timeline, whatever the pattern and the text', () => {
    const long = entry({ ...hostupNotFound(), url: `https://api.hostup.se/${'a'.repeat(50_000)}` });
    const many = Array.from({ length: 2000 }, () => long);
    const started = performance.now();
    many.filter(errorPredicate({ ...noFilters, text: '/a*a*c/' }));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
