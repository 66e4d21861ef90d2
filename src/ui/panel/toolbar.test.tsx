// @vitest-environment happy-dom
import { fireEvent } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { send } from '../../core/findings/test-timeline.ts';
import { FakeCaptureSource } from '../fake-source.ts';
import { testIds } from '../testids.ts';
import { usePanelHarness } from './test-harness.ts';

const panel = usePanelHarness();
const { rows, byTestId, getByTestId } = panel;

/**
 * happy-dom lays nothing out: a toolbar `width` px wide whose every control is 80 px (the count's text 60 px),
 * so that the measured overflow has something to measure.
 */
function layOut(width: { value: number }): void {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset['testid'] === testIds.toolbar ? width.value : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(80);
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(60);
}

/** The browser reports a change of size after layout; happy-dom never does: the test says when one happened. */
const resizeObservers = new Set<() => void>();
vi.stubGlobal(
  'ResizeObserver',
  class {
    private readonly callback: () => void;
    constructor(callback: () => void) {
      this.callback = () => callback();
      resizeObservers.add(this.callback);
    }
    observe(): void {}
    disconnect(): void {
      resizeObservers.delete(this.callback);
    }
  },
);

const inToolbar = (id: string): boolean => getByTestId(testIds.toolbar).querySelector(`:scope > [data-overflow-key] [data-testid="${id}"]`) !== null;
const popup = () => byTestId(testIds.toolbarOverflowPopup);

describe('toolbar at a narrow dock', () => {
  it('keeps the filters in the line and moves the rest into a » popup where they still work', async () => {
    layOut({ value: 590 });
    const source = new FakeCaptureSource();
    source.emitExchanges([0, 1, 2].map((at) => send('discord-rate-limited', { at })));
    await panel.mount(source);
    // Pause, Clear, separator, status, count (60) take 380 px of 590: the format and host pickers fit, beside "»".
    expect(getByTestId(testIds.toolbar).querySelectorAll(':scope > [data-overflow-key]')).toHaveLength(2);
    expect(inToolbar(testIds.groupSimilarToggle)).toBe(false);
    expect(byTestId(testIds.groupSimilarToggle)).toBeNull();
    const more = getByTestId(testIds.toolbarOverflowButton);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-label')).toBe('More: 6 more controls');

    fireEvent.click(more);
    await panel.advance(0);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(getByTestId(testIds.preserveLogToggle)); // the popup's first control takes the focus
    fireEvent.click(getByTestId(testIds.groupSimilarToggle));
    await panel.advance(0);
    expect(panel.root().querySelectorAll(`[data-testid="${testIds.groupRow}"]`)).toHaveLength(1);
    expect(popup()).not.toBeNull(); // using a control leaves the popup open
  });

  it('closes the popup on Esc with the focus back on "»", and the panel does not take that Esc for itself', async () => {
    layOut({ value: 590 });
    const source = new FakeCaptureSource();
    source.emitExchanges([send('discord-rate-limited', { at: 0 })]);
    await panel.mount(source);
    fireEvent.click(rows()[0] as HTMLElement);
    await panel.advance(0);
    expect(byTestId(testIds.details)).not.toBeNull();
    fireEvent.click(getByTestId(testIds.toolbarOverflowButton));
    await panel.advance(0);
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    await panel.advance(0);
    expect(popup()).toBeNull();
    expect(document.activeElement).toBe(getByTestId(testIds.toolbarOverflowButton));
    expect(byTestId(testIds.details)).not.toBeNull(); // Esc closed the popup, not the details
  });

  it('brings the controls back into the line when there is room, with what was set in the popup', async () => {
    const width = { value: 590 };
    layOut(width);
    const source = new FakeCaptureSource();
    source.emitExchanges([send('discord-rate-limited', { at: 0 })]);
    await panel.mount(source);
    fireEvent.click(getByTestId(testIds.toolbarOverflowButton));
    await panel.advance(0);
    fireEvent.click(getByTestId(testIds.exportHarSecretsToggle));
    width.value = 2000;
    for (const resized of resizeObservers) resized(); // the dock was widened
    await panel.advance(0);
    expect(byTestId(testIds.toolbarOverflowButton)).toBeNull();
    expect(inToolbar(testIds.exportHarSecretsToggle)).toBe(true);
    expect(getByTestId<HTMLInputElement>(testIds.exportHarSecretsToggle).checked).toBe(true);
  });
});
