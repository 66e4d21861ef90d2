import type { Exchange } from '../core/exchange.ts';
import type { CaptureEvent, CaptureSource, Theme } from '../protocol/capture.ts';

/**
 * An in-memory CaptureSource for tests, the harness page and screenshots. Events emitted before
 * anyone subscribes are kept and replayed first, as the real source replays what DevTools captured
 * before the panel opened.
 */
export class FakeCaptureSource implements CaptureSource {
  private readonly backlog: CaptureEvent[] = [];
  private readonly subscribers = new Set<(events: readonly CaptureEvent[]) => void>();
  private readonly themeListeners = new Set<(theme: Theme) => void>();
  private readonly stored = new Map<string, unknown>();
  private nextId = 1;
  /** Requests dropped from the backlog by evictOldest(), announced to later subscribers. */
  private evicted = 0;
  private currentTheme: Theme;

  constructor(options: { theme?: Theme; settings?: Readonly<Record<string, unknown>> } = {}) {
    this.currentTheme = options.theme ?? 'light';
    for (const [key, value] of Object.entries(options.settings ?? {})) this.stored.set(key, value);
  }

  get theme(): Theme {
    return this.currentTheme;
  }

  readonly settings = {
    get: (key: string): Promise<unknown> => Promise.resolve(this.stored.get(key)),
    set: (key: string, value: unknown): Promise<void> => {
      this.stored.set(key, value);
      return Promise.resolve();
    },
  };

  subscribe(onEvents: (events: readonly CaptureEvent[]) => void): () => void {
    this.subscribers.add(onEvents);
    const replay: CaptureEvent[] = this.evicted > 0 ? [{ kind: 'evicted', count: this.evicted }, ...this.backlog] : [...this.backlog];
    if (replay.length > 0) onEvents(replay);
    return () => this.subscribers.delete(onEvents);
  }

  forget(): void {
    this.backlog.length = 0;
    this.evicted = 0;
  }

  onThemeChange(listener: (theme: Theme) => void): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  /** Delivers events as one batch (kept for later subscribers too). */
  emit(events: readonly CaptureEvent[]): void {
    this.backlog.push(...events);
    for (const subscriber of this.subscribers) subscriber(events);
  }

  /** Delivers finished requests, each with a fresh id; returns the ids. */
  emitExchanges(exchanges: readonly Exchange[], captureNote: string | null = null): string[] {
    const events = exchanges.map((exchange) => ({ kind: 'exchange', id: `fake-${this.nextId++}`, exchange, captureNote }) as const);
    this.emit(events);
    return events.map((e) => e.id);
  }

  /** Lets the `count` oldest events go, as the real recorder does at its cap; later subscribers are told. */
  evictOldest(count: number): void {
    for (const event of this.backlog.splice(0, count)) if (event.kind === 'exchange') this.evicted++;
  }

  navigate(url: string, at = Date.now()): void {
    this.emit([{ kind: 'navigated', url, at }]);
  }

  setTheme(theme: Theme): void {
    this.currentTheme = theme;
    for (const listener of this.themeListeners) listener(theme);
  }

  /** What the panel persisted, for assertions. */
  storedSetting(key: string): unknown {
    return this.stored.get(key);
  }
}
