// @vitest-environment happy-dom
import { act, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { seedFixtures } from '../../core/fixtures/index.ts';
import { fixtureExchange } from '../../core/fixtures/render.ts';
import { exchangeFromHarEntry } from '../../core/har/entry.ts';
import { parseHar } from '../../core/har/parse.ts';
import { buildHar } from '../../core/har/write.ts';
import { REDACTED } from '../../core/redact.ts';
import { FakeCaptureSource } from '../fake-source.ts';
import { testIds } from '../testids.ts';
import { T0, hostupNotFound, hostupRateLimited, restoreHubValidation } from '../testing/seed-exchanges.ts';
import { settingKeys } from './settings.ts';
import { usePanelHarness } from './test-harness.ts';

const panel = usePanelHarness();
const { advance, rows, byTestId, getByTestId } = panel;

/** What DevTools does in an extension panel: a keydown listener on the document that forwards Esc and Ctrl shortcuts. */
function devtoolsForwarder(): string[] {
  const forwarded: string[] = [];
  const listener = (event: KeyboardEvent): void => void forwarded.push(event.key);
  document.addEventListener('keydown', listener);
  cleanups.push(() => document.removeEventListener('keydown', listener));
  return forwarded;
}
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const selectedIndex = (): number => rows().findIndex((row) => row.getAttribute('aria-selected') === 'true');

/** Five errors, each started a second after the previous one. */
function fiveErrors(source: FakeCaptureSource): void {
  const makers = [hostupNotFound, restoreHubValidation, hostupRateLimited, hostupNotFound, restoreHubValidation];
  source.emitExchanges(makers.map((make, i) => ({ ...make(T0 + i * 1000), startedAt: T0 + i * 1000 })));
}

describe('keyboard', () => {
  it('moves the selection with Home, End, PageUp and PageDown, opens details with Enter', async () => {
    const source = new FakeCaptureSource();
    fiveErrors(source);
    await panel.mount(source);
    const grid = getByTestId(testIds.timeline);
    grid.focus();
    fireEvent.keyDown(grid, { key: 'End' });
    expect(selectedIndex()).toBe(4);
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(selectedIndex()).toBe(0);
    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(selectedIndex()).toBe(4); // a page is more than five rows
    fireEvent.keyDown(grid, { key: 'PageUp' });
    expect(selectedIndex()).toBe(0);
    fireEvent.keyDown(grid, { key: 'Enter' });
    await advance(0);
    expect(byTestId(testIds.details)).not.toBeNull();
  });

  it('closes the details with Esc, keeps focus in the panel, and never lets DevTools see the Esc (its drawer stays shut)', async () => {
    const forwarded = devtoolsForwarder();
    const source = new FakeCaptureSource();
    fiveErrors(source);
    await panel.mount(source);
    const grid = getByTestId(testIds.timeline);
    const [first] = rows();
    if (first === undefined) throw new Error('no rows');
    fireEvent.click(first);
    await advance(0);
    getByTestId(testIds.detailsClose).focus();
    fireEvent.keyDown(getByTestId(testIds.detailsClose), { key: 'Escape' });
    await advance(0);
    expect(byTestId(testIds.details)).toBeNull();
    expect(document.activeElement).toBe(grid);
    fireEvent.keyDown(grid, { key: 'Escape' }); // nothing left to close: still not DevTools'
    expect(forwarded).toEqual([]);
  });

  it("sends Ctrl+F and Cmd+F to the panel's own filter, not to DevTools", async () => {
    const forwarded = devtoolsForwarder();
    await panel.mount(new FakeCaptureSource());
    fireEvent.keyDown(document.body, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(getByTestId(testIds.filterText));
    getByTestId(testIds.filterText).blur();
    fireEvent.keyDown(document.body, { key: 'f', metaKey: true });
    expect(document.activeElement).toBe(getByTestId(testIds.filterText));
    expect(forwarded).toEqual([]);
  });
});

describe('row context menu', () => {
  it('copies the URL with its secrets redacted and filters by the row host or code', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const source = new FakeCaptureSource();
    source.emitExchanges([{ ...hostupNotFound(), url: 'https://api.hostup.se/api/v2/vps/vps_abc123?api_key=hu_key_123456' }, { ...restoreHubValidation(), startedAt: T0 + 1 }]);
    await panel.mount(source);
    const menuItem = (label: string): HTMLElement => {
      const item = within(getByTestId(testIds.contextMenu))
        .getAllByRole(/menuitem/)
        .find((el) => el.textContent?.includes(label));
      if (item === undefined) throw new Error(`no menu item ${label}`);
      return item;
    };
    const [hostup] = rows();
    if (hostup === undefined) throw new Error('no rows');
    fireEvent.contextMenu(hostup);
    await advance(0);
    fireEvent.click(menuItem('Copy URL'));
    await advance(0);
    expect(writeText).toHaveBeenCalledWith(`https://api.hostup.se/api/v2/vps/vps_abc123?api_key=${REDACTED}`);

    fireEvent.contextMenu(hostup);
    await advance(0);
    fireEvent.click(menuItem('Filter by code vps_not_found'));
    await advance(0);
    expect(rows().map((r) => r.dataset['code'])).toEqual(['vps_not_found']);
    expect(byTestId(testIds.contextMenu)).toBeNull();
  });
});

describe('columns and split', () => {
  it('hides a column from the header menu and keeps it hidden across a reload of the panel', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    await panel.mount(source);
    const headers = (): string[] => [...panel.root().querySelectorAll(`[data-testid="${testIds.columnHeader}"]`)].map((h) => h.textContent ?? '');
    expect(headers()).toContain('Code');
    fireEvent.contextMenu(getByTestId(testIds.columnHeader));
    await advance(0);
    const code = within(getByTestId(testIds.contextMenu))
      .getAllByRole('menuitemcheckbox')
      .find((el) => el.textContent?.includes('Code'));
    if (code === undefined) throw new Error('no Code toggle');
    // Name and Message name a row: they are not offered.
    expect(within(getByTestId(testIds.contextMenu)).queryAllByRole('menuitemcheckbox').map((el) => el.textContent)).not.toContain('✓Name');
    fireEvent.click(code);
    await advance(0);
    expect(headers()).not.toContain('Code');
    expect(source.storedSetting(settingKeys.columns)).toEqual({ widths: {}, hidden: ['code'] });
    await panel.mount(source);
    expect(headers()).not.toContain('Code');
  });

  it('moves the list/details split with the keyboard and keeps it across a reload', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    await panel.mount(source);
    const [row] = rows();
    if (row === undefined) throw new Error('no rows');
    fireEvent.click(row);
    await advance(0);
    fireEvent.keyDown(getByTestId(testIds.splitter), { key: 'ArrowRight' });
    await advance(0);
    expect(source.storedSetting(settingKeys.split)).toBeCloseTo(0.42);
    await panel.mount(source);
    fireEvent.click(rows()[0] ?? row);
    await advance(0);
    expect(getByTestId(testIds.splitter).getAttribute('aria-valuenow')).toBe('42');
  });
});

describe('states that say what is true', () => {
  it('opens each newly selected error at the top of its details', async () => {
    const source = new FakeCaptureSource();
    fiveErrors(source);
    await panel.mount(source);
    fireEvent.click(rows()[0] as HTMLElement);
    await advance(0);
    getByTestId(testIds.detailsBody).scrollTop = 300;
    fireEvent.click(rows()[1] as HTMLElement);
    await advance(0);
    expect(getByTestId(testIds.detailsBody).scrollTop).toBe(0);
  });

  it('says an invalid regex is invalid next to the box, and offers Clear filters when nothing matches', async () => {
    const source = new FakeCaptureSource();
    fiveErrors(source);
    await panel.mount(source);
    fireEvent.input(getByTestId(testIds.filterText), { target: { value: '/(unclosed/' } });
    await advance(0);
    expect(getByTestId(testIds.filterError).textContent).toMatch(/^Invalid regex: /);
    fireEvent.click(getByTestId(testIds.clearFilters));
    await advance(0);
    expect(rows()).toHaveLength(5);
    expect(byTestId(testIds.filterError)).toBeNull();
  });

  it('says paused when paused, rather than "no errors yet"', async () => {
    await panel.mount(new FakeCaptureSource());
    fireEvent.click(getByTestId(testIds.pauseButton));
    await advance(0);
    expect(getByTestId(testIds.emptyState).textContent).toContain('Capture is paused');
    expect(getByTestId(testIds.errorCount).textContent).toMatch(/^Paused/);
  });
});

describe('HAR import', () => {
  it('shows a HAR dropped on the panel as its own session, with the rows the CLI pipeline finds, apart from live capture', async () => {
    const exchanges = seedFixtures.filter((f) => f.expect !== null).map((f, i) => ({ ...fixtureExchange(f, T0 + i * 10), startedAt: T0 + i * 10 }));
    const text = JSON.stringify(buildHar(exchanges.map((exchange) => ({ exchange })), { version: 'test', includeSecrets: true }));
    // What `faultline decode` does with the file: parse, map each entry, keep those that decode to an error.
    const parsed = parseHar(text);
    if ('error' in parsed) throw new Error(parsed.error);
    const cli = parsed.entries.map(exchangeFromHarEntry).flatMap((exchange) => {
      const { error } = analyze(exchange);
      return error === null ? [] : [`${error.status} ${error.code ?? ''} ${error.message}`];
    });

    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound(T0 - 5000)]);
    await panel.mount(source);
    const file = new File([text], 'colleague.har', { type: 'application/json' });
    await act(async () => {
      fireEvent.drop(getByTestId(testIds.panel), { dataTransfer: { types: ['Files'], files: [file] } });
      await vi.advanceTimersByTimeAsync(50);
    });
    await advance(50);
    expect(getByTestId(testIds.panel).dataset['session']).toBe('imported');
    expect(getByTestId(testIds.importBanner).textContent).toContain(`colleague.har · ${exchanges.length} requests, ${cli.length} errors`);
    const shown = rows().map((r) => `${r.dataset['status']} ${r.dataset['code']} ${within(r).getByTestId(testIds.rowMessage).textContent}`);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(cli.slice(0, shown.length));

    // Live capture went on meanwhile; back there, its own row is all there is.
    source.emitExchanges([restoreHubValidation(T0 + 100_000)]);
    await advance(1000); // the live timeline updates at most twice a second
    fireEvent.click(getByTestId(testIds.closeImport));
    await advance(50);
    expect(rows().map((r) => r.dataset['code'])).toEqual(['vps_not_found', '']);
  });

  it('says in one line why a file is not a HAR, and keeps live capture on screen', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    await panel.mount(source);
    const file = new File(['{"log": {}}'], 'notes.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.drop(getByTestId(testIds.panel), { dataTransfer: { types: ['Files'], files: [file] } });
      await vi.advanceTimersByTimeAsync(50);
    });
    expect(getByTestId(testIds.importBanner).textContent).toContain('Could not open notes.json: not a HAR file: log.entries is missing');
    expect(rows()).toHaveLength(1);
  });
});
