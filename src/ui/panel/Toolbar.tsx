import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { plural } from '../format.ts';
import { testIds } from '../testids.ts';
import { CaptureHelp } from './CaptureHelp.tsx';
import { CaptureLimits } from './CaptureLimits.tsx';
import type { CaptureSettings } from './settings.ts';
import { ExportHar } from './ExportHar.tsx';
import type { HarImport } from './har-import.ts';
import { OpenHar } from './OpenHar.tsx';
import { Fitted, ToolbarOverflow, useToolbarFit } from './ToolbarOverflow.tsx';
import { textMatcher, type Filters, type StatusClass } from './filters.ts';
import type { PanelStore } from './store.ts';

const STATUS_OPTIONS: readonly { readonly value: StatusClass; readonly label: string }[] = [
  { value: 'all', label: 'All statuses' },
  { value: '4xx', label: '4xx' },
  { value: '5xx', label: '5xx' },
  { value: 'in-2xx', label: 'Errors in 2xx' },
];

function countText(store: PanelStore): string {
  const total = store.errorCount.value;
  const shown = store.visibleErrorCount.value;
  const parts = [shown === total ? plural(total, 'error') : `${shown} / ${plural(total, 'error')}`];
  if (store.paused.value) parts.unshift('Paused');
  if (store.droppedByCap.value > 0) parts.push(`${store.droppedByCap.value} oldest dropped (cap ${store.maxErrors.value})`);
  if (store.evictedBySource.value > 0) parts.push(`${plural(store.evictedBySource.value, 'older request')} no longer held by DevTools capture`);
  if (store.droppedWhilePaused.value > 0) parts.push(`${plural(store.droppedWhilePaused.value, 'request')} dropped while paused`);
  if (store.undecoded.value > 0) parts.push(`${plural(store.undecoded.value, 'request')} not decoded (decoder failed; reopen DevTools)`);
  return parts.join(' · ');
}

/** The distinct values of one entry property, for the family and host pickers. */
function distinct(store: PanelStore, pick: (e: { format: string; host: string }) => string): string[] {
  const seen = new Set<string>();
  for (const entry of store.entries.peek()) if (entry.kind === 'error') seen.add(pick({ format: entry.error.format, host: entry.host }));
  return [...seen].filter((v) => v !== '').sort();
}

/** Its own component, so that a burst's updates re-render the count and not the whole toolbar. */
function ErrorCount({ store }: { store: PanelStore }) {
  const text = countText(store);
  return (
    <span class="fl-count" data-testid={testIds.errorCount} aria-live="polite" title={text}>
      {text}
    </span>
  );
}

interface PickerProps {
  readonly label: string;
  readonly allLabel: string;
  readonly value: string;
  readonly choices: () => readonly string[];
  readonly onPick: (value: string) => void;
}

/**
 * A filter picker over the values seen in the retained errors. They are gathered when the user opens
 * (or focuses) it, not on every update: during a burst that would walk every error several times a second.
 */
function Picker({ label, allLabel, value, choices, onPick }: PickerProps) {
  const [seen, setSeen] = useState<readonly string[]>([]);
  const refresh = (): void => setSeen(choices());
  return (
    <select aria-label={label} value={value} onFocus={refresh} onPointerDown={refresh} onChange={(e) => onPick(e.currentTarget.value)}>
      <option value="">{allLabel}</option>
      {[...new Set([...seen, value])].filter((v) => v !== '').map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  );
}

interface ToolbarProps {
  readonly store: PanelStore;
  readonly capture: CaptureSettings;
  readonly harImport?: HarImport | undefined;
  /** An imported HAR is shown: capture controls (pause, clear, preserve log, limits) are live capture's, not its. */
  readonly imported?: boolean;
}

/**
 * The controls that give way, highest value first: when the toolbar is too narrow for them all the last ones
 * move into the "»" popup (ToolbarOverflow.tsx). Pause, Clear, the filter box, the status picker and the
 * count always stay.
 */
const COLLAPSIBLE = ['format', 'host', 'preserve', 'group', 'open', 'export', 'help', 'limits'] as const;
type Collapsible = (typeof COLLAPSIBLE)[number];

export function Toolbar({ store, capture, harImport, imported = false }: ToolbarProps) {
  const bar = useRef<HTMLDivElement>(null);
  // Kept here, not in ExportHar: the control is remounted when it moves between the toolbar and the popup.
  const [exportSecrets, setExportSecrets] = useState(false);
  const filters = store.filters.value;
  const paused = store.paused.value;
  const update = (patch: Partial<Filters>): void => {
    store.filters.value = { ...store.filters.value, ...patch };
  };
  const matcher = filters.text.trim() === '' ? null : textMatcher(filters.text);
  const invalid = matcher !== null && !matcher.ok ? matcher.reason : null;

  const controls: Partial<Record<Collapsible, JSX.Element>> = {
    format: <Picker label="Format" allLabel="All formats" value={filters.family} choices={() => distinct(store, (e) => e.format)} onPick={(family) => update({ family })} />,
    host: <Picker label="Host" allLabel="All hosts" value={filters.host} choices={() => distinct(store, (e) => e.host)} onPick={(host) => update({ host })} />,
    group: (
      <label class="fl-inline" title="One row per kind of error: method, URL template, status and code">
        <input type="checkbox" data-testid={testIds.groupSimilarToggle} checked={store.groupSimilar.value} onChange={(e) => (store.groupSimilar.value = e.currentTarget.checked)} />
        Group similar
      </label>
    ),
    export: <ExportHar store={store} includeSecrets={exportSecrets} onIncludeSecrets={setExportSecrets} />,
  };
  if (harImport !== undefined) controls.open = <OpenHar harImport={harImport} />;
  if (!imported) {
    controls.preserve = (
      <label class="fl-inline">
        <input type="checkbox" data-testid={testIds.preserveLogToggle} checked={store.preserveLog.value} onChange={(e) => (store.preserveLog.value = e.currentTarget.checked)} />
        Preserve log
      </label>
    );
    controls.limits = <CaptureLimits store={store} capture={capture} />;
    controls.help = <CaptureHelp />;
  }
  const present = COLLAPSIBLE.filter((key) => controls[key] !== undefined);
  const fitting = useToolbarFit(bar, present);
  const inline = new Set(present.slice(0, fitting));
  const slot = (key: Collapsible) => (inline.has(key) ? <Fitted name={key}>{controls[key]}</Fitted> : null);
  const overflow = COLLAPSIBLE.filter((key) => controls[key] !== undefined && !inline.has(key));

  return (
    <div class="fl-toolbar" role="toolbar" aria-label="Faultline controls" ref={bar} data-testid={testIds.toolbar}>
      {!imported && (
        <>
          <button
            type="button"
            class={`fl-icon-button${paused ? '' : ' fl-recording'}`}
            data-testid={testIds.pauseButton}
            aria-pressed={paused}
            aria-label={paused ? 'Resume capture' : 'Pause capture'}
            title={paused ? 'Resume capture' : 'Pause capture (new requests are dropped)'}
            onClick={() => (store.paused.value = !paused)}
          >
            {paused ? '▶' : '●'}
          </button>
          <button type="button" class="fl-icon-button" data-testid={testIds.clearButton} aria-label="Clear" title="Clear" onClick={() => store.clear()}>
            ⊘
          </button>
          <span class="fl-sep" />
        </>
      )}
      <input
        type="search"
        class={`fl-filter${invalid === null ? '' : ' fl-invalid'}`}
        data-testid={testIds.filterText}
        aria-label="Filter errors (text, or /regex/)"
        aria-invalid={invalid !== null}
        title={invalid ?? 'Text or /regex/ over method, URL, status, format, code, message, request id'}
        placeholder="Filter text or /regex/"
        value={filters.text}
        onInput={(e) => update({ text: e.currentTarget.value })}
      />
      {invalid !== null && (
        <span class="fl-filter-error" role="alert" data-testid={testIds.filterError} title={invalid}>
          {`Invalid regex: ${invalid}`}
        </span>
      )}
      <select aria-label="Status class" value={filters.status} onChange={(e) => update({ status: e.currentTarget.value as StatusClass })}>
        {STATUS_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {slot('format')}
      {slot('host')}
      {filters.code !== '' && (
        <button type="button" class="fl-button fl-filter-chip" title="Remove the code filter" onClick={() => update({ code: '' })}>
          {`code ${filters.code} ×`}
        </button>
      )}
      {filters.fingerprint !== '' && (
        <button type="button" class="fl-button fl-filter-chip" title="Remove the kind-of-error filter" onClick={() => update({ fingerprint: '' })}>
          {'this kind of error ×'}
        </button>
      )}
      {slot('preserve')}
      {slot('limits')}
      {slot('help')}
      {slot('group')}
      {slot('open')}
      {slot('export')}
      <ErrorCount store={store} />
      {overflow.length > 0 && (
        <ToolbarOverflow count={overflow.length}>
          {overflow.map((key) => (
            <div key={key} class="fl-overflow-item">
              {controls[key]}
            </div>
          ))}
        </ToolbarOverflow>
      )}
    </div>
  );
}
