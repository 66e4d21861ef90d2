/**
 * Served-request counters, so a test can check that the panel's count equals what the server sent
 * (e.g. after a 10 000-request burst). Paths come from the request line: kept in a Map, not an object.
 */
export interface StatsSnapshot {
  /** Every /api/ request answered. */
  readonly total: number;
  /** Answers that carry an error the panel must report (error fixtures and exhausted quotas). */
  readonly errors: number;
  readonly byPath: Readonly<Record<string, number>>;
}

export class ServedStats {
  private readonly byPath = new Map<string, number>();
  private total = 0;
  private errors = 0;

  record(path: string, isError: boolean): void {
    this.total += 1;
    if (isError) this.errors += 1;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
  }

  reset(): void {
    this.byPath.clear();
    this.total = 0;
    this.errors = 0;
  }

  snapshot(): StatsSnapshot {
    // Object.fromEntries defines own properties, so a "__proto__" path stays a plain key.
    return { total: this.total, errors: this.errors, byPath: Object.fromEntries(this.byPath) };
  }
}
