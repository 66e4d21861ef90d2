// @vitest-environment happy-dom
import { act, fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FakeCaptureSource } from '../fake-source.ts';
import { testIds } from '../testids.ts';
import { T0, hostupNotFound, restoreHubValidation } from '../testing/seed-exchanges.ts';
import { usePanelHarness } from './test-harness.ts';

/**
 * What the capture source could not keep, or was told to forget, as the user sees it across a reload
 * of the panel (a fresh mount on the same source).
 */

const { mount, byTestId, countText } = usePanelHarness();

describe('requests the capture source no longer holds', () => {
  it('are counted in the toolbar of a panel opened after they were let go', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges(Array.from({ length: 5 }, (_, i) => hostupNotFound(T0 + i)));
    source.evictOldest(3);
    await mount(source);
    expect(countText()).toBe('2 errors · 3 older requests no longer held by DevTools capture');
  });

  it('stay gone after Clear, also when the panel reloads; what came after Clear comes back', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound(), restoreHubValidation()]);
    source.evictOldest(1);
    await mount(source);
    expect(countText()).toBe('1 error · 1 older request no longer held by DevTools capture');

    const clear = byTestId(testIds.clearButton);
    if (clear === null) throw new Error('no Clear button');
    await act(() => {
      fireEvent.click(clear);
    });
    source.emitExchanges([restoreHubValidation(T0 + 1000)]);
    await mount(source);
    expect(countText()).toBe('1 error');
  });
});
