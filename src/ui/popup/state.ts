import { batch, signal } from '@preact/signals';
import type { CatalogEntry } from '../../core/catalog/index.ts';
import type { Engine } from '../../protocol/engine.ts';
import type { DecodedPaste } from '../../protocol/engine.ts';
import type { RecentError } from '../../protocol/relay.ts';

export type PopupView = 'lookup' | 'paste';

export type PasteOutcome = { readonly kind: 'empty' } | { readonly kind: 'loading' } | DecodedPaste;

/** Statuses offered for a body pasted alone (the ones APIs actually send errors with). */
export const BODY_STATUSES = [400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 423, 429, 500, 501, 502, 503, 504] as const;

/** Most recent errors shown; the relay may keep more. */
const RECENT_LIMIT = 20;

/** Stable identity of a catalog entry across result lists (a key alone repeats across APIs). */
export function entryId(entry: CatalogEntry): string {
  return `${entry.api}\u0000${entry.kind}\u0000${entry.key}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The popup's state, in one place; components read the signals and call the actions. Lookups and
 * decoding are asked of the engine (a worker in the extension) and land in signals when answered; an
 * answer that a newer question has overtaken is dropped.
 */
export function createPopupState(engine: Engine, now: () => number = Date.now) {
  const view = signal<PopupView>('lookup');

  const query = signal('');
  const results = signal<readonly CatalogEntry[]>([]);
  /** The trimmed query `results` answer: until it equals the current one, the results are not in yet. */
  const answered = signal('');
  const lookupError = signal<string | null>(null);
  const active = signal(0);
  const expanded = signal<string | null>(null);
  let lookupAsked = 0;

  const pasteText = signal('');
  /** When the text was pasted: countdowns run from here, as if the response had just arrived. */
  let pastedAt = now();
  /** The status the user picked for a body alone; undefined = the body's own, else 400. */
  const bodyStatus = signal<number | undefined>(undefined);
  const paste = signal<PasteOutcome>({ kind: 'empty' });
  let pasteAsked = 0;

  /** Catalog titles of BODY_STATUSES, once the engine has answered (the numbers show until then). */
  const statusTitles = signal<ReadonlyMap<number, string>>(new Map());
  void engine.statusTitles(BODY_STATUSES).then(
    (titles) => {
      statusTitles.value = new Map(BODY_STATUSES.map((status, i) => [status, titles[i] ?? '']));
    },
    () => undefined, // the numbers alone still work; a broken engine is reported by the paste view
  );

  const recent = signal<readonly RecentError[]>([]);

  function lookUp(text: string): void {
    const asked = ++lookupAsked;
    const trimmed = text.trim();
    if (trimmed === '') {
      batch(() => {
        results.value = [];
        answered.value = '';
        lookupError.value = null;
      });
      return;
    }
    engine.lookup(trimmed).then(
      (found) => {
        if (asked !== lookupAsked) return;
        batch(() => {
          results.value = found;
          answered.value = trimmed;
          lookupError.value = null;
        });
      },
      (error: unknown) => {
        if (asked === lookupAsked) lookupError.value = `The lookup failed: ${reason(error)}`;
      },
    );
  }

  /** Decodes the pasted text; the last outcome stays on screen until the new one is in. */
  function decode(): void {
    const asked = ++pasteAsked;
    const text = pasteText.peek();
    if (text.trim() === '') {
      paste.value = { kind: 'empty' };
      return;
    }
    if (paste.peek().kind === 'empty') paste.value = { kind: 'loading' };
    engine.decodePaste({ text, receivedAt: pastedAt, bodyStatus: bodyStatus.peek() }).then(
      (outcome) => {
        if (asked === pasteAsked) paste.value = outcome;
      },
      (error: unknown) => {
        if (asked === pasteAsked) paste.value = { kind: 'unreadable', error: `The decoder failed: ${reason(error)}` };
      },
    );
  }

  /** Makes result `index` the active one, staying within the list. */
  function select(index: number): void {
    active.value = Math.max(0, Math.min(results.value.length - 1, index));
  }

  return {
    view,
    query,
    results,
    answered,
    lookupError,
    active,
    expanded,
    pasteText,
    bodyStatus,
    paste,
    statusTitles,
    recent,
    setQuery(text: string): void {
      batch(() => {
        query.value = text;
        active.value = 0;
        expanded.value = null;
      });
      lookUp(text);
    },
    select,
    /** Moves the active result by `step`. */
    move(step: number): void {
      select(active.value + step);
    },
    toggle(entry: CatalogEntry): void {
      const id = entryId(entry);
      expanded.value = expanded.value === id ? null : id;
    },
    setPaste(text: string): void {
      pastedAt = now();
      pasteText.value = text;
      decode();
    },
    setBodyStatus(status: number | undefined): void {
      bodyStatus.value = status;
      decode();
    },
    setRecent(errors: readonly RecentError[]): void {
      recent.value = errors.slice(0, RECENT_LIMIT);
    },
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
