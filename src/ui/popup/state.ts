import { batch, computed, signal } from '@preact/signals';
import { lookup, type CatalogEntry } from '../../core/catalog/index.ts';
import type { DecodedPaste, decodePaste } from './paste-decoder.ts';
import type { RecentError } from './types.ts';

export type PopupView = 'lookup' | 'paste';

export type PasteOutcome = { readonly kind: 'empty' } | { readonly kind: 'loading' } | DecodedPaste;

type DecodePaste = typeof decodePaste;

/**
 * The decoding engine (every family's zod schemas) is most of the popup's weight and only pasting needs
 * it, so it is a separate chunk loaded right after the first render: the lookup opens at once.
 */
function importDecoder(): Promise<DecodePaste> {
  return import('./paste-decoder.ts').then((module) => module.decodePaste);
}

/** Most recent errors shown; the relay may keep more. */
const RECENT_LIMIT = 20;

/** Stable identity of a catalog entry across result lists (a key alone repeats across APIs). */
export function entryId(entry: CatalogEntry): string {
  return `${entry.api}\u0000${entry.kind}\u0000${entry.key}`;
}

/** The popup's state, in one place; components read the signals and call the actions. */
export function createPopupState(now: () => number = Date.now) {
  const view = signal<PopupView>('lookup');

  const query = signal('');
  const results = computed<readonly CatalogEntry[]>(() => (query.value.trim() === '' ? [] : lookup(query.value.trim())));
  const active = signal(0);
  const expanded = signal<string | null>(null);

  const decoder = signal<DecodePaste | null>(null);
  const decoderError = signal<string | null>(null);
  const pasteText = signal('');
  /** When the text was pasted: countdowns run from here, as if the response had just arrived. */
  const pastedAt = signal(now());
  /** The status the user picked for a body alone; undefined = the body's own, else 400. */
  const bodyStatus = signal<number | undefined>(undefined);
  const paste = computed<PasteOutcome>(() => {
    if (pasteText.value.trim() === '') return { kind: 'empty' };
    if (decoderError.value !== null) return { kind: 'unreadable', error: decoderError.value };
    const decode = decoder.value;
    return decode === null ? { kind: 'loading' } : decode(pasteText.value, pastedAt.value, bodyStatus.value);
  });

  const recent = signal<readonly RecentError[]>([]);

  /** Makes result `index` the active one, staying within the list. */
  function select(index: number): void {
    active.value = Math.max(0, Math.min(results.value.length - 1, index));
  }

  return {
    view,
    query,
    results,
    active,
    expanded,
    pasteText,
    bodyStatus,
    paste,
    recent,
    /** Starts loading the decoding engine; the paste view decodes once it is in. */
    loadDecoder(load: () => Promise<DecodePaste> = importDecoder): Promise<void> {
      return load().then(
        (decode) => {
          decoder.value = decode;
        },
        (error: unknown) => {
          decoderError.value = `The decoder failed to load: ${error instanceof Error ? error.message : String(error)}`;
        },
      );
    },
    setQuery(text: string): void {
      query.value = text;
      active.value = 0;
      expanded.value = null;
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
      batch(() => {
        pastedAt.value = now();
        pasteText.value = text;
      });
    },
    setRecent(errors: readonly RecentError[]): void {
      recent.value = errors.slice(0, RECENT_LIMIT);
    },
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
