import type { FamilyId } from '../model.ts';
import { statusAdvice } from '../advice/status-rules.ts';
import type { CatalogEntry, RetryKind } from './types.ts';

/** One row of an API's code table, as the data modules write it. */
export interface CodeRow {
  readonly key: string;
  readonly status: number | null;
  readonly title: string;
  readonly meaning: string;
  readonly category: string;
  readonly retry: RetryKind;
  readonly advice: string;
  /** Overrides the table's docs link for this row. */
  readonly docsUrl?: string | null;
}

export interface CodeTable {
  /** Who defines the codes (`Discord`, `Stripe`…). */
  readonly api: string;
  /** Families whose bodies carry these codes; findCode matches them only there. */
  readonly families: readonly FamilyId[];
  /** The docs link of a row, when the API has one page per code. */
  readonly docsUrl?: (key: string) => string | null;
  readonly rows: readonly CodeRow[];
}

/** Turns an API's code table into catalog entries (the table states api and families once). */
export function codeEntries(table: CodeTable): CatalogEntry[] {
  return table.rows.map((row) => ({
    key: row.key,
    kind: 'code',
    api: table.api,
    status: row.status,
    title: row.title,
    meaning: row.meaning,
    category: row.category,
    retry: row.retry,
    advice: row.advice,
    docsUrl: row.docsUrl !== undefined ? row.docsUrl : (table.docsUrl?.(row.key) ?? null),
    families: table.families,
  }));
}

/** One row of a status table (HTTP itself, or an API's own per-status handling). */
export interface StatusRow {
  readonly status: number;
  readonly title: string;
  readonly meaning: string;
  readonly category: string;
  readonly retry: RetryKind;
  readonly advice: string;
  readonly docsUrl?: string | null;
}

/** A row of the HTTP table: retry and advice come from the status rules (advice/status-rules.ts) where one exists. */
export type HttpStatusRow = Omit<StatusRow, 'retry' | 'advice'> & Partial<Pick<StatusRow, 'retry' | 'advice'>>;

export function statusEntries(api: string, rows: readonly StatusRow[]): CatalogEntry[] {
  return rows.map((row) => ({
    key: String(row.status),
    kind: 'status',
    api,
    status: row.status,
    title: row.title,
    meaning: row.meaning,
    category: row.category,
    retry: row.retry,
    advice: row.advice,
    docsUrl: row.docsUrl ?? null,
  }));
}

/** HTTP rows completed from the one status rule table; a row without a rule keeps its own retry and advice. */
export function httpStatusEntries(api: string, rows: readonly HttpStatusRow[]): CatalogEntry[] {
  return statusEntries(
    api,
    rows.map((row) => ({ ...row, ...(statusAdvice(row.status) ?? { retry: row.retry ?? 'no', advice: row.advice ?? '' }) })),
  );
}
