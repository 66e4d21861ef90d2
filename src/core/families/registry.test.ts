import { describe, expect, expectTypeOf, it } from 'vitest';
import { STATUS_ONLY } from '../analyze.ts';
import { fixtures } from '../fixtures/index.ts';
import { unseenVendorCases } from '../fixtures/unseen-vendors.ts';
import type { FamilyId } from '../model.ts';
import { families } from './index.ts';

/** Every id the engine may print as `format`: each family's own, its declared variants, the pipeline's. */
const declared: readonly string[] = [...families.flatMap((f) => [f.id, ...(f.variants ?? [])]), STATUS_ONLY];

describe('the family id registry', () => {
  it('gives every family and variant its own id, so a `format` names exactly one reader', () => {
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('declares every format a fixture or vendor case expects', () => {
    const expected = [...fixtures, ...unseenVendorCases].flatMap((f) => f.expect?.format ?? []);
    expect(expected.filter((format) => !declared.includes(format))).toEqual([]);
  });

  it('keeps FamilyId a union of the declared literals, not a string (a family typed `: Family` would widen it)', () => {
    expectTypeOf<string>().not.toExtend<FamilyId>();
    expectTypeOf<'aspnet-problem' | 'pterodactyl' | 'google-legacy' | 'generic-in-2xx' | 'status-only'>().toExtend<FamilyId>();
    expectTypeOf<'no-such-family'>().not.toExtend<FamilyId>();
  });
});
