import { describe, expect, it } from 'vitest';
import { parseAbsoluteTime, parseHttpDate } from './dates.ts';
import { clampDelay, MAX_DELAY_MS, parseDecimal, parseDuration } from './values.ts';

const ref = Date.UTC(2026, 10, 22);

describe('parseDecimal', () => {
  it('reads integers, decimals and negatives, trimmed', () => {
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('2.0')).toBe(2);
    expect(parseDecimal('1741000003.512')).toBe(1741000003.512);
    expect(parseDecimal('-3')).toBe(-3);
  });

  it('refuses NaN, exponents, hex, words and absurdly long values', () => {
    for (const value of ['NaN', 'Infinity', '1e308', '0x10', '3 seconds', '', '1,5', '1'.repeat(5000)]) expect(parseDecimal(value)).toBeNull();
    expect(parseDecimal(undefined)).toBeNull();
  });
});

describe('parseDuration', () => {
  it('reads Go durations as OpenAI sends them and proto3 durations as Google does', () => {
    expect(parseDuration('6m0s')).toBe(360_000);
    expect(parseDuration('12ms')).toBe(12);
    expect(parseDuration('2m59.56s')).toBeCloseTo(179_560);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('13s')).toBe(13_000);
    expect(parseDuration('0.500s')).toBe(500);
  });

  it('refuses bare numbers and prose', () => {
    for (const value of ['20', '20 s', 's', '1x', 'soon']) expect(parseDuration(value)).toBeNull();
  });
});

describe('clampDelay', () => {
  it('turns negatives into 0 and caps absurd delays at a year', () => {
    expect(clampDelay(-5000)).toBe(0);
    expect(clampDelay(1e308)).toBe(MAX_DELAY_MS);
    expect(clampDelay(Number.POSITIVE_INFINITY)).toBe(MAX_DELAY_MS);
    expect(clampDelay(Number.NaN)).toBe(0);
  });
});

describe('HTTP dates', () => {
  const expected = Date.UTC(1994, 10, 6, 8, 49, 37);

  it('accepts the three forms RFC 9110 requires', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', ref)).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', ref)).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', ref)).toBe(expected);
  });

  it('reads a two-digit year within 50 years ahead as this century', () => {
    expect(parseHttpDate('Monday, 02-Mar-26 10:00:00 GMT', ref)).toBe(Date.UTC(2026, 2, 2, 10));
  });

  it('rejects impossible dates rather than rolling them over', () => {
    expect(parseHttpDate('Tue, 31 Feb 2026 10:00:00 GMT', ref)).toBeNull();
    expect(parseHttpDate('Tue, 03 Mar 2026 25:00:00 GMT', ref)).toBeNull();
  });
});

describe('parseAbsoluteTime', () => {
  it('reads ISO 8601 down to minute precision, with offsets (Jira, Anthropic)', () => {
    expect(parseAbsoluteTime('2025-03-02T10:15Z', ref)).toBe(Date.UTC(2025, 2, 2, 10, 15));
    expect(parseAbsoluteTime('2025-03-02T10:15:30.250+01:00', ref)).toBe(Date.UTC(2025, 2, 2, 9, 15, 30, 250));
  });

  it('reads JavaScript Date.toString() output (lemlist)', () => {
    expect(parseAbsoluteTime('Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)', ref)).toBe(Date.UTC(2021, 1, 16, 8, 2, 42));
  });

  it('returns null for text that is no time', () => {
    expect(parseAbsoluteTime('tomorrow', ref)).toBeNull();
  });
});
