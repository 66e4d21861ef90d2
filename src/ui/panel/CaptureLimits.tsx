import type { Signal } from '@preact/signals';
import { testIds } from '../testids.ts';
import { BODY_CAP_KB_RANGE, MAX_ERRORS_RANGE, clampSetting, type CaptureSettings } from './settings.ts';
import type { PanelStore } from './store.ts';

interface LimitInputProps {
  readonly value: Signal<number>;
  readonly range: { readonly min: number; readonly max: number };
  readonly testId: string;
  readonly label: string;
  readonly title: string;
}

/** A number setting applied when the user commits it (Enter or leaving the field), clamped to its range. */
function LimitInput({ value, range, testId, label, title }: LimitInputProps) {
  const commit = (input: HTMLInputElement): void => {
    const next = clampSetting(Math.round(input.valueAsNumber), range);
    if (next !== null) value.value = next;
    input.value = String(value.value); // nonsense or out of range: show what actually applies
  };
  return (
    <input
      type="number"
      class="fl-number"
      data-testid={testId}
      aria-label={label}
      title={title}
      min={range.min}
      max={range.max}
      value={value.value}
      onChange={(e) => commit(e.currentTarget)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget);
      }}
    />
  );
}

/** The retention cap and the capture body cap, visible and editable in the toolbar. */
export function CaptureLimits({ store, capture }: { store: PanelStore; capture: CaptureSettings }) {
  return (
    <span class="fl-inline fl-limits">
      <label class="fl-inline">
        Keep
        <LimitInput
          value={store.maxErrors}
          range={MAX_ERRORS_RANGE}
          testId={testIds.maxErrorsInput}
          label="Errors kept (oldest dropped beyond this)"
          title={`Errors kept in the timeline; the oldest are dropped beyond this (${MAX_ERRORS_RANGE.min}–${MAX_ERRORS_RANGE.max})`}
        />
      </label>
      <label class="fl-inline">
          Body
          <LimitInput
            value={capture.bodyCapKb}
            range={BODY_CAP_KB_RANGE}
            testId={testIds.bodyCapInput}
            label="Response body cap in KB"
            title={`Largest response body captured per request, in KB (${BODY_CAP_KB_RANGE.min}–${BODY_CAP_KB_RANGE.max}); applies to the next requests`}
          />
          KB
      </label>
    </span>
  );
}
