import type { FamilyId } from '../model.ts';

export type RetryKind = 'yes' | 'no' | 'after-delay' | 'conditional';

/** One entry of the catalog of known statuses and codes (data, not code). */
export interface CatalogEntry {
  /** `429`, `vps_not_found`, `50035`, `RESOURCE_EXHAUSTED`… as the API spells it. */
  readonly key: string;
  readonly kind: 'status' | 'code';
  /** Who defines it: `HTTP`, `Cloudflare`, `HostUp`, `Discord`, `Stripe`, `gRPC`… */
  readonly api: string;
  /** The HTTP status the code comes with, when the API says. */
  readonly status: number | null;
  readonly title: string;
  readonly meaning: string;
  readonly category: string;
  readonly retry: RetryKind;
  /** What to do, one or two sentences. */
  readonly advice: string;
  readonly docsUrl: string | null;
  /** Families whose bodies carry this code; a code is matched only within them. Omitted for statuses. */
  readonly families?: readonly FamilyId[];
}
