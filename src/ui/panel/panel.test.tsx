// @vitest-environment happy-dom
import { fireEvent, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import type { Exchange } from '../../core/exchange.ts';
import { seedFixtures } from '../../core/fixtures/index.ts';
import { fixtureExchange } from '../../core/fixtures/render.ts';
import { FakeCaptureSource } from '../fake-source.ts';
import { testIds } from '../testids.ts';
import {
  T0,
  gpuOutletProviderPoolEmpty,
  hostupNotFound,
  hostupRateLimited,
  hostupSuccess,
  restoreHubRateLimited,
  restoreHubValidation,
} from '../testing/seed-exchanges.ts';
import { settingKeys } from './settings.ts';
import { DEFAULT_RENDER_EVERY_MS } from './store.ts';
import { FALLBACK_VIEWPORT, ROW_HEIGHT } from './Timeline.tsx';
import { usePanelHarness, type PanelHarness } from './test-harness.ts';

const panel = usePanelHarness();
const { advance, rows, byTestId, countText } = panel;

/** Mounts the panel and returns queries scoped to it. */
async function mount(source: FakeCaptureSource, options: Parameters<PanelHarness['mount']>[1] = {}) {
  await panel.mount(source, options);
  return within(panel.root());
}

describe('timeline', () => {
  it('shows one row per seed error with its status, code and message', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound(), restoreHubValidation(), gpuOutletProviderPoolEmpty(), hostupSuccess()]);
    await mount(source);
    expect(rows().map((r) => [r.dataset['status'], r.dataset['code'], within(r).getByTestId(testIds.rowMessage).textContent])).toEqual([
      ['404', 'vps_not_found', 'No VPS matching the given ID was found.'],
      ['400', '', 'Invalid request body.'],
      ['503', 'provider_pool_empty', 'No upstream provider has the requested GPU right now'],
    ]);
    expect(countText()).toBe('3 errors');
  });

  it('shows every seed fixture the way the core decodes it', async () => {
    expect(seedFixtures.length).toBeGreaterThan(0);
    const source = new FakeCaptureSource();
    const errors = seedFixtures.filter((f) => f.expect !== null);
    source.emitExchanges(errors.map((f, i) => fixtureExchange(f, T0 + i)));
    await mount(source, {});
    const shown = rows();
    expect(shown).toHaveLength(errors.length);
    errors.forEach((fixture, i) => {
      const row = shown[i];
      const want = fixture.expect;
      if (row === undefined || want === null) throw new Error(`no row for ${fixture.name}`);
      expect(row.dataset['status'], fixture.name).toBe(String(fixture.response.status));
      expect(row.dataset['format'], fixture.name).toBe(want.format);
      if (want.code !== undefined) expect(row.dataset['code'], fixture.name).toBe(want.code ?? '');
      if (want.message !== undefined) expect(within(row).getByTestId(testIds.rowMessage).textContent, fixture.name).toBe(want.message);
    });
  });

  it('counts down the retry time on one clock, then says the wait is over (never "ready": the request failed)', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([restoreHubRateLimited(T0), hostupRateLimited(T0)]);
    await mount(source);
    const cells = () => rows().map((r) => within(r).getByTestId(testIds.retryCell).textContent);
    expect(cells()).toEqual(['retry in 12 s', 'retry in 30 s']);
    await advance(5000);
    expect(cells()).toEqual(['retry in 7 s', 'retry in 25 s']);
    await advance(8000);
    expect(cells()).toEqual(['wait over', 'retry in 17 s']);
    expect(vi.getTimerCount()).toBe(1); // the clock; no timer per row
  });

  it('gives the verdict when the server named no delay', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound(), gpuOutletProviderPoolEmpty()]);
    await mount(source);
    expect(rows().map((r) => within(r).getByTestId(testIds.retryCell).textContent)).toEqual(["don't retry", 'backoff']);
  });

  it('explains DevTools’ capture limit when there is nothing yet', async () => {
    await mount(new FakeCaptureSource());
    expect(byTestId(testIds.emptyState)?.textContent).toMatch(/before DevTools opened can't be captured.*reload/);
  });

  it('renders only the rows in view for 10 000 errors', async () => {
    const source = new FakeCaptureSource({ settings: { [settingKeys.maxErrors]: 10_000 } });
    const base = hostupNotFound();
    source.emitExchanges(Array.from({ length: 10_000 }, (_, i) => ({ ...base, receivedAt: T0 + i })));
    const decoded = analyze(base); // decoding is not under test here: decode once, reuse
    await mount(source, { analyze: async (exchanges) => exchanges.map(() => decoded) });
    await advance(DEFAULT_RENDER_EVERY_MS); // a burst shows in one update per interval
    expect(countText()).toBe('10000 errors');
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(80);
    expect(panel.root().querySelector('[role="grid"]')?.getAttribute('aria-rowcount')).toBe('10001');
  });

  describe('scrolling', () => {
    const scroller = (): HTMLElement => {
      const found = panel.root().querySelector<HTMLElement>('.fl-scroller');
      if (found === null) throw new Error('no timeline scroller');
      return found;
    };
    const rowIndexes = (): number[] => rows().map((r) => Number(r.getAttribute('aria-rowindex')));
    /** Whether the row with this aria-rowindex lies wholly inside the scroller's view (no layout here: computed). */
    const inView = (rowIndex: number): boolean => {
      const top = (rowIndex - 2) * ROW_HEIGHT;
      return top >= scroller().scrollTop && top + ROW_HEIGHT <= scroller().scrollTop + FALLBACK_VIEWPORT;
    };
    const scrollBy = (el: HTMLElement, top: number): void => {
      el.scrollTop = top;
      fireEvent.scroll(el);
    };
    /** Time for the next update of the timeline, and the frame in which the view follows it. */
    const settle = async (): Promise<void> => {
      await advance(DEFAULT_RENDER_EVERY_MS);
      await advance(20);
    };
    /** Mounts the panel on `count` errors and waits until all of them are shown (they arrive in batches). */
    const mountWith = async (count: number): Promise<FakeCaptureSource> => {
      const source = new FakeCaptureSource();
      source.emitExchanges(Array.from({ length: count }, (_, i) => hostupNotFound(T0 + i)));
      await mount(source);
      await settle(); // the first batch shows at once, the others at the next update
      await settle();
      expect(countText()).toBe(`${count} errors`);
      return source;
    };

    it('follows the newest error, with few rows above the view rendered while it does', async () => {
      const source = await mountWith(500);
      expect(Math.max(...rowIndexes())).toBe(501);
      expect(inView(501)).toBe(true);
      const rendered = rows().length;
      expect(rendered).toBeLessThanOrEqual(Math.ceil(FALLBACK_VIEWPORT / ROW_HEIGHT) + 4);

      source.emitExchanges(Array.from({ length: 100 }, (_, i) => hostupNotFound(T0 + 500 + i)));
      await settle();
      expect(Math.max(...rowIndexes())).toBe(601);
      expect(inView(601)).toBe(true);
      expect(rows()).toHaveLength(rendered);
    });

    it('shows newer rows in the same row elements, in place, as the view follows them', async () => {
      const source = await mountWith(500);
      const before = rows();
      source.emitExchanges(Array.from({ length: 7 }, (_, i) => hostupNotFound(T0 + 500 + i)));
      await settle();
      expect(Math.max(...rowIndexes())).toBe(508);
      // Same elements in the same DOM order: nothing rebuilt, nothing moved (a move restyles the row).
      expect(rows()).toHaveLength(before.length);
      expect(rows().every((row, i) => row === before[i])).toBe(true);
    });

    it('stays where the user scrolled while new errors arrive, and follows again at the bottom', async () => {
      const source = await mountWith(500);
      scrollBy(scroller(), 0);
      await advance(20);
      expect(Math.min(...rowIndexes())).toBe(2);

      source.emitExchanges(Array.from({ length: 100 }, (_, i) => hostupNotFound(T0 + 500 + i)));
      await settle();
      expect(scroller().scrollTop).toBe(0);
      expect(Math.min(...rowIndexes())).toBe(2);
      expect(countText()).toBe('600 errors');

      scrollBy(scroller(), 600 * ROW_HEIGHT - FALLBACK_VIEWPORT);
      await advance(20);
      source.emitExchanges([hostupNotFound(T0 + 600)]);
      await settle();
      expect(inView(602)).toBe(true);
    });
  });

  it('keeps each row’s zebra stripe while the view moves on to newer rows', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges(Array.from({ length: 100 }, (_, i) => hostupNotFound(T0 + i)));
    await mount(source);
    const stripes = () => new Map(rows().map((r) => [r.id, r.classList.contains('fl-alt')]));
    const before = stripes();
    source.emitExchanges([hostupNotFound(T0 + 100)]); // one more row: the first row in view is another one
    await advance(DEFAULT_RENDER_EVERY_MS);
    const after = stripes();
    const kept = [...before.keys()].filter((id) => after.has(id));
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.map((id) => after.get(id))).toEqual(kept.map((id) => before.get(id)));
    expect(new Set(after.values())).toEqual(new Set([true, false]));
  });
});

describe('rate-limit strip', () => {
  it('shows a chip per host and bucket, learnt from successes too, ticking down with an error style at 0', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupSuccess(T0, 5)]);
    await mount(source);
    const chip = () => byTestId(testIds.rateLimitChip);
    expect(chip()?.textContent).toContain('5/100');
    expect(chip()?.textContent).toContain('resets in 1 min');
    expect(chip()?.className).toContain('fl-limit-warn');
    await advance(3000);
    expect(chip()?.textContent).toContain('resets in 57 s');
    source.emitExchanges([hostupRateLimited(T0 + 3000, 0)]);
    await advance(20);
    expect(chip()?.textContent).toContain('0/100');
    expect(chip()?.className).toContain('fl-limit-error');
    expect(panel.root().querySelectorAll(`[data-testid="${testIds.rateLimitChip}"]`)).toHaveLength(1);
  });
});

describe('toolbar', () => {
  it('filters by text, regex and status class, shows shown / total, and persists the filters', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound(), restoreHubValidation(), gpuOutletProviderPoolEmpty()]);
    const ui = await mount(source);
    fireEvent.input(ui.getByTestId(testIds.filterText), { target: { value: 'restorehub' } });
    await advance(0);
    expect(rows().map((r) => r.dataset['status'])).toEqual(['400']);
    expect(countText()).toBe('1 / 3 errors');
    fireEvent.input(ui.getByTestId(testIds.filterText), { target: { value: '/vps|gpu/' } });
    await advance(0);
    expect(rows().map((r) => r.dataset['status'])).toEqual(['404', '503']);
    fireEvent.input(ui.getByTestId(testIds.filterText), { target: { value: '' } });
    fireEvent.change(ui.getByLabelText('Status class'), { target: { value: '5xx' } });
    await advance(0);
    expect(rows().map((r) => r.dataset['status'])).toEqual(['503']);
    expect(source.storedSetting(settingKeys.filters)).toEqual({ text: '', status: '5xx', family: '', host: '', code: '', fingerprint: '' });
  });

  it('offers the formats and hosts seen so far when a picker is opened', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    const ui = await mount(source);
    source.emitExchanges([restoreHubValidation()]);
    await advance(DEFAULT_RENDER_EVERY_MS);
    const hosts = ui.getByLabelText('Host');
    fireEvent.focus(hosts);
    await advance(0);
    const offered = [...hosts.querySelectorAll('option')].map((o) => o.value);
    expect(offered).toEqual(['', ...[hostupNotFound(), restoreHubValidation()].map((e) => new URL(e.url).host).sort()]);
    fireEvent.change(hosts, { target: { value: offered[1] } });
    await advance(0);
    expect(rows()).toHaveLength(1);
  });

  it('restores stored filters when the panel opens again', async () => {
    const source = new FakeCaptureSource({ settings: { [settingKeys.filters]: { text: 'hostup', status: 'all', family: '', host: '' } } });
    source.emitExchanges([hostupNotFound(), restoreHubValidation()]);
    const ui = await mount(source);
    expect((ui.getByTestId(testIds.filterText) as HTMLInputElement).value).toBe('hostup');
    expect(rows()).toHaveLength(1);
  });

  it('clears the log on navigation, or keeps it with a separator when Preserve log is on', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    const ui = await mount(source);
    // Each step lands within one update interval of the last: the timeline shows it at the interval's end.
    source.navigate('https://app.test/next');
    await advance(DEFAULT_RENDER_EVERY_MS);
    expect(rows()).toHaveLength(0);
    source.emitExchanges([hostupNotFound()]);
    fireEvent.click(ui.getByTestId(testIds.preserveLogToggle));
    await advance(DEFAULT_RENDER_EVERY_MS);
    source.navigate('https://app.test/after');
    source.emitExchanges([restoreHubValidation()]);
    await advance(DEFAULT_RENDER_EVERY_MS);
    expect(rows()).toHaveLength(2);
    expect(byTestId(testIds.navigationRow)?.textContent).toBe('Navigated to https://app.test/after');
    expect(source.storedSetting(settingKeys.preserveLog)).toBe(true);
  });

  it('drops and counts requests while paused, and captures again on resume', async () => {
    const source = new FakeCaptureSource();
    const ui = await mount(source);
    fireEvent.click(ui.getByTestId(testIds.pauseButton));
    await advance(0);
    expect(ui.getByTestId(testIds.pauseButton).getAttribute('aria-pressed')).toBe('true');
    source.emitExchanges([hostupNotFound(), hostupSuccess()]);
    await advance(20);
    expect(rows()).toHaveLength(0);
    expect(countText()).toContain('2 requests dropped while paused');
    fireEvent.click(ui.getByTestId(testIds.pauseButton));
    source.emitExchanges([restoreHubValidation()]);
    await advance(20);
    expect(rows()).toHaveLength(1);
  });

  it('keeps at most the configured number of errors and says how many were dropped', async () => {
    const source = new FakeCaptureSource({ settings: { [settingKeys.maxErrors]: 10 } });
    source.emitExchanges(Array.from({ length: 15 }, (_, i) => hostupNotFound(T0 + i)));
    await mount(source);
    expect(countText()).toBe('10 errors · 5 oldest dropped (cap 10)');
    fireEvent.click(within(panel.root()).getByTestId(testIds.clearButton));
    await advance(0);
    expect(countText()).toBe('0 errors');
  });

  it('follows the DevTools theme', async () => {
    const source = new FakeCaptureSource({ theme: 'dark' });
    await mount(source);
    expect(byTestId(testIds.panel)?.dataset['theme']).toBe('dark');
    source.setTheme('light');
    await advance(0);
    expect(byTestId(testIds.panel)?.dataset['theme']).toBe('light');
  });
});

describe('details', () => {
  it('opens on click with decoded fields, field errors, advice and the raw body', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([restoreHubValidation(), hostupNotFound()]);
    const ui = await mount(source);
    const [validation, notFound] = rows();
    if (validation === undefined || notFound === undefined) throw new Error('rows missing');
    fireEvent.click(validation);
    await advance(0);
    const table = ui.getByTestId(testIds.fieldErrorsTable);
    expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent))).toEqual([
      ['/name', 'Required'],
      ['/category', "Invalid enum value. Expected 'gaming' | 'community' | ..."],
    ]);
    expect(ui.getByTestId(testIds.advice).textContent).not.toBe('');
    expect(ui.getByTestId(testIds.rawBody).textContent).toContain('"issues": [');
    fireEvent.click(notFound);
    await advance(0);
    expect(ui.getByTestId(testIds.requestId).textContent).toBe('req_xyz789');
    const docs = ui.getByTestId(testIds.docsLink);
    expect([docs.getAttribute('href'), docs.getAttribute('target'), docs.getAttribute('rel')]).toEqual([
      'https://developer.hostup.se/errors/vps_not_found',
      '_blank',
      'noopener noreferrer',
    ]);
    fireEvent.click(ui.getByTestId(testIds.detailsClose));
    await advance(0);
    expect(byTestId(testIds.details)).toBeNull();
  });

  it('previews cURL and fetch with secrets redacted, and shows them only when the user opts in', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    const ui = await mount(source);
    fireEvent.click(rows()[0] as HTMLElement);
    await advance(0);
    const curl = () => ui.getByTestId(testIds.curlPreview).textContent ?? '';
    expect(curl()).toContain("-H 'Authorization: Bearer [REDACTED]'");
    expect(curl()).toContain("-H 'Cookie: hu_session=[REDACTED]'");
    expect(curl()).toContain("-H 'X-API-Key: [REDACTED]'");
    for (const secret of ['hu_live_9f8e7d6c5b4a', 's3cr3t-session', 'hu_key_123456']) {
      expect(curl()).not.toContain(secret);
      expect(ui.getByTestId(testIds.fetchPreview).textContent).not.toContain(secret);
    }
    const toggle = ui.getByTestId(testIds.includeSecretsToggle) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await advance(0);
    expect(curl()).toContain("-H 'Authorization: Bearer hu_live_9f8e7d6c5b4a'");
    expect(curl()).toContain('hu_session=s3cr3t-session');
    expect(curl()).toContain('X-API-Key: hu_key_123456');
  });

  it('copies with the legacy command when the async clipboard is refused', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    const ui = await mount(source);
    fireEvent.click(rows()[0] as HTMLElement);
    await advance(0);
    const writeText = vi.fn(() => Promise.reject(new Error('Document is not focused')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    fireEvent.click(ui.getByText('Copy as cURL'));
    await advance(0);
    expect(writeText).toHaveBeenCalledOnce();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(ui.getAllByText('Copied')).toHaveLength(1);
  });

  it('falls back to raw text for a body too deep to pretty-print', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const exchange: Exchange = { ...gpuOutletProviderPoolEmpty(), body: { text: deep } };
    const source = new FakeCaptureSource();
    source.emitExchanges([exchange]);
    const ui = await mount(source);
    fireEvent.click(rows()[0] as HTMLElement);
    await advance(0);
    expect(ui.getByTestId(testIds.rawBody).textContent).toBe(deep);
  });

  it('moves the selection with the arrow keys, opens with Enter and closes with Escape', async () => {
    const source = new FakeCaptureSource({ settings: { [settingKeys.preserveLog]: true } });
    source.emitExchanges([hostupNotFound()]);
    source.navigate('https://app.test/next');
    source.emitExchanges([restoreHubValidation()]);
    const ui = await mount(source);
    const grid = ui.getByRole('grid');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' }); // skips the navigation separator
    await advance(0);
    expect(rows().map((r) => r.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(grid.getAttribute('aria-activedescendant')).toBe(rows()[1]?.id);
    expect(byTestId(testIds.details)).toBeNull();
    fireEvent.keyDown(grid, { key: 'Enter' });
    await advance(0);
    expect(byTestId(testIds.details)?.textContent).toContain('Invalid request body.');
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    await advance(0);
    expect(byTestId(testIds.details)?.textContent).toContain('No VPS matching');
    fireEvent.keyDown(grid, { key: 'Escape' });
    await advance(0);
    expect(byTestId(testIds.details)).toBeNull();
  });
});

describe('hostile response data', () => {
  const payloads = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '<svg onload=alert(3)>', 'javascript:alert(4)'];

  /** The real decode, with every text field replaced by a payload: the UI must not trust the core. */
  function hostileAnalyze(exchange: Exchange) {
    const analysis = analyze(exchange);
    if (analysis.error === null) return analysis;
    const [img = '', script = '', svg = '', js = ''] = payloads;
    return {
      ...analysis,
      error: {
        ...analysis.error,
        code: svg,
        title: script,
        message: img,
        docsUrl: js,
        requestId: img,
        advice: script,
        fieldErrors: [{ path: img, message: svg, code: script }],
      },
    };
  }

  it('renders payloads in fields, paths and headers as text, creating no element and no javascript: link', async () => {
    const source = new FakeCaptureSource();
    const exchange: Exchange = {
      ...restoreHubValidation(),
      url: 'https://api.restorehub.test/v1/<img src=x onerror=alert(5)>',
      responseHeaders: [{ name: 'X-Evil', value: '<script>alert(6)</script>' }],
      requestHeaders: [{ name: 'X-Note', value: '<svg onload=alert(7)>' }],
      body: { text: '{"error":"<img src=x onerror=alert(8)>","details":{"issues":[{"path":["<svg onload=alert(9)>"],"message":"x"}]}}' },
    };
    source.emitExchanges([exchange]);
    const ui = await mount(source, { analyze: async (exchanges) => exchanges.map(hostileAnalyze) });
    fireEvent.click(rows()[0] as HTMLElement);
    await advance(0);
    expect(panel.root().querySelectorAll('img, script, svg, iframe, object')).toHaveLength(0);
    expect([...panel.root().querySelectorAll('a')].filter((a) => !/^https?:/.test(a.getAttribute('href') ?? ''))).toHaveLength(0);
    expect(ui.queryByTestId(testIds.docsLink)).toBeNull();
    const text = panel.root().textContent ?? '';
    for (const payload of [...payloads.slice(0, 3), '<script>alert(6)</script>', '<svg onload=alert(7)>', 'onerror=alert(8)']) expect(text).toContain(payload);
    expect(ui.getByTestId(testIds.fieldErrorsTable).textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
