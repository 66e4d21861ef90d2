/**
 * Scores the engine on documented error responses of vendors it was never shown
 * (`npx tsx scripts/score-vendors.ts [case-file.ts]`).
 *
 * Without an argument it reads src/core/fixtures/unseen-vendors.ts; with one it reads every exported array of
 * cases in that file (the lead's holdout set). Prints, per case, each field it states with what was expected
 * and what the engine gave, then the share decoded right per field and overall (a case is right when every
 * field it states is right), and per kind of API. With `--misreads` it prints instead the `knownMisreads`
 * entries of src/core/fixtures/unseen-vendors.test.ts for the cases decoded wrong today.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unseenVendorCases } from '../src/core/fixtures/unseen-vendors.ts';
import type { VendorCase } from '../src/core/fixtures/vendor-cases.ts';
import { scoreCase, type FieldCheck } from '../src/core/fixtures/vendor-score.ts';

/** The moment every case is received at, so templated times render the same on every run. */
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

const isCase = (value: unknown): value is VendorCase =>
  typeof value === 'object' && value !== null && 'name' in value && 'response' in value && 'expect' in value;

async function loadCases(path: string | undefined): Promise<readonly VendorCase[]> {
  if (path === undefined) return unseenVendorCases;
  const module: Record<string, unknown> = await import(pathToFileURL(resolve(path)).href);
  const cases = Object.values(module).flatMap((value) => (Array.isArray(value) ? value.filter(isCase) : []));
  if (cases.length === 0) throw new Error(`${path} exports no array of vendor cases`);
  return cases;
}

/** A value as JSON, cut to `max` characters so one case stays on a few lines. */
const show = (value: unknown, max = 140): string => {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > max ? `${json.slice(0, max - 3)}...` : json;
};

const percent = (right: number, total: number): string => `${((100 * right) / total).toFixed(0).padStart(3)}% (${right}/${total})`;

function tally(rows: Map<string, { right: number; total: number }>, key: string, right: boolean): void {
  const row = rows.get(key) ?? { right: 0, total: 0 };
  rows.set(key, { right: row.right + (right ? 1 : 0), total: row.total + 1 });
}

function printTable(title: string, rows: Map<string, { right: number; total: number }>): void {
  console.log(`\n${title}`);
  for (const [key, { right, total }] of rows) if (total > 0) console.log(`  ${key.padEnd(20)} ${percent(right, total)}`);
}

/** One `knownMisreads` line: the case name and, as the reason, each wrong field with what the engine gave. */
function misreadEntry(name: string, checks: readonly FieldCheck[]): string {
  const wrong = checks.filter((c) => !c.right);
  const reason = wrong.some((c) => c.field === 'decoded')
    ? 'not reported as an error'
    : wrong.some((c) => c.field === 'notAnError')
      ? 'a documented success reported as an error'
      : `wrong ${wrong.map((c) => `${c.field} (got ${show(c.got, 40)})`).join(', ')}`;
  return `  '${name}': '${reason.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}',`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const path = args.find((arg) => !arg.startsWith('--'));
  const cases = await loadCases(path);
  if (args.includes('--misreads')) {
    for (const vendorCase of cases) {
      const checks = scoreCase(vendorCase, NOW);
      if (!checks.every((c) => c.right)) console.log(misreadEntry(vendorCase.name, checks));
    }
    return;
  }
  const perField = new Map<string, { right: number; total: number }>();
  const perKind = new Map<string, { right: number; total: number }>();
  const overall = new Map(['errors', 'documented successes', 'all cases'].map((key) => [key, { right: 0, total: 0 }]));

  console.log(`Scoring ${cases.length} vendor cases from ${path ?? 'src/core/fixtures/unseen-vendors.ts'}\n`);
  for (const vendorCase of cases) {
    const checks: FieldCheck[] = scoreCase(vendorCase, NOW);
    const allRight = checks.every((c) => c.right);
    tally(overall, vendorCase.expect === null ? 'documented successes' : 'errors', allRight);
    tally(overall, 'all cases', allRight);
    tally(perKind, vendorCase.kind, allRight);
    for (const c of checks) tally(perField, c.field, c.right);
    console.log(`${allRight ? 'RIGHT' : 'WRONG'}  ${vendorCase.name}  (${vendorCase.kind})`);
    for (const c of checks) {
      if (c.field === 'decoded') continue;
      console.log(c.right ? `    ok    ${c.field}` : `    wrong ${c.field}: expected ${show(c.expected)}, got ${show(c.got)}`);
    }
  }

  printTable('Share right per field', perField);
  printTable('Share of cases right per kind of API', perKind);
  printTable('Share of cases right in every field they state', overall);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
