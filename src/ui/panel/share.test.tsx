// @vitest-environment happy-dom
import { fireEvent } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../core/exchange.ts';
import { FakeCaptureSource } from '../fake-source.ts';
import { testIds } from '../testids.ts';
import { T0, hostupNotFound, hostupRateLimited, hostupSuccess, restoreHubValidation } from '../testing/seed-exchanges.ts';
import { usePanelHarness } from './test-harness.ts';
import { settingKeys } from './settings.ts';

/** The panel's sharing and limits features: support report, HAR export, retention and body caps, the strip. */

const panel = usePanelHarness();
const { advance, mount, rows } = panel;
const byTestId = panel.getByTestId;

async function openFirstRow(): Promise<void> {
  fireEvent.click(rows()[0] as HTMLElement);
  await advance(0);
}

/** Sets a number field the way a user does: type, then Enter. */
async function typeNumber(id: string, value: string): Promise<void> {
  const input = byTestId<HTMLInputElement>(id);
  input.value = value;
  fireEvent.keyDown(input, { key: 'Enter' });
  await advance(0);
}

describe('support report', () => {
  it('previews the Markdown report redacted, with the secrets only once the user includes them, and copies the preview', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound()]);
    await mount(source);
    await openFirstRow();
    const preview = () => byTestId(testIds.supportReportPreview).textContent ?? '';
    expect(preview()).toContain('### API error: 404 `vps_not_found`');
    expect(preview()).toContain('- **Request id:** `req_xyz789`');
    expect(preview()).toContain(`- **Time:** ${new Date(T0).toISOString()}`);
    expect(preview()).toContain("-H 'Authorization: Bearer [REDACTED]'");
    for (const secret of ['hu_live_9f8e7d6c5b4a', 's3cr3t-session', 'hu_key_123456']) expect(preview()).not.toContain(secret);

    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(byTestId(testIds.copySupportReport));
    await advance(0);
    expect(writeText).toHaveBeenCalledWith(preview());

    fireEvent.click(byTestId(testIds.includeSecretsToggle));
    await advance(0);
    expect(preview()).toContain("-H 'Authorization: Bearer hu_live_9f8e7d6c5b4a'");
    expect(byTestId(testIds.curlPreview).textContent).toContain('hu_key_123456');
  });

  it('starts redacted again for the next error the user opens', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([hostupNotFound(), { ...hostupNotFound(T0 + 1), url: 'https://api.hostup.se/api/v2/vps/vps_def456' }]);
    await mount(source);
    await openFirstRow();
    fireEvent.click(byTestId(testIds.includeSecretsToggle));
    await advance(0);
    fireEvent.click(rows()[1] as HTMLElement);
    await advance(0);
    expect(byTestId<HTMLInputElement>(testIds.includeSecretsToggle).checked).toBe(false);
    expect(byTestId(testIds.supportReportPreview).textContent).not.toContain('hu_live_9f8e7d6c5b4a');
  });
});

describe('export HAR', () => {
  /** Clicks Export HAR and returns the file the browser was handed (name and parsed HAR). */
  async function exportHar(): Promise<{ name: string; har: { log: { entries: { request: { url: string; headers: { name: string; value: string }[] } }[] } } }> {
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
      blob = object as Blob;
      return 'blob:faultline-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    let name = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
      expect(this.href).toBe('blob:faultline-test');
    });
    fireEvent.click(byTestId(testIds.exportHarButton));
    await advance(0);
    if (blob === null) throw new Error('no file was downloaded');
    return { name, har: JSON.parse(await (blob as Blob).text()) as never };
  }

  const withQueryKey = (exchange: Exchange): Exchange => ({ ...exchange, url: `${exchange.url}?api_key=hu_key_in_query` });

  it('downloads every retained error as a HAR file, redacted by default, secrets only when ticked', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([withQueryKey(hostupNotFound()), restoreHubValidation(), hostupSuccess()]);
    await mount(source);
    const redacted = await exportHar();
    expect(redacted.name).toBe('faultline-2026-11-22T12-00-00.har');
    expect(redacted.har.log.entries.map((e) => e.request.url)).toEqual([
      'https://api.hostup.se/api/v2/vps/vps_abc123?api_key=[REDACTED]',
      'https://api.restorehub.test/v1/servers',
    ]);
    const text = JSON.stringify(redacted.har);
    for (const secret of ['hu_live_9f8e7d6c5b4a', 's3cr3t-session', 'hu_key_123456', 'hu_key_in_query']) expect(text).not.toContain(secret);

    vi.restoreAllMocks();
    fireEvent.click(byTestId(testIds.exportHarSecretsToggle));
    await advance(0);
    const full = await exportHar();
    expect(full.har.log.entries[0]?.request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer hu_live_9f8e7d6c5b4a' });
    expect(full.har.log.entries[0]?.request.url).toContain('hu_key_in_query');
  });

  it('is disabled while there is nothing to export', async () => {
    await mount(new FakeCaptureSource());
    expect(byTestId<HTMLButtonElement>(testIds.exportHarButton).disabled).toBe(true);
  });
});

describe('retention and body caps', () => {
  it('shows the retention cap (5000 by default), applies a lower one at once and stores it', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges(Array.from({ length: 15 }, (_, i) => hostupNotFound(T0 + i)));
    await mount(source);
    expect(byTestId<HTMLInputElement>(testIds.maxErrorsInput).value).toBe('5000');
    await typeNumber(testIds.maxErrorsInput, '10');
    expect(byTestId(testIds.errorCount).textContent).toBe('10 errors · 5 oldest dropped (cap 10)');
    expect(source.storedSetting(settingKeys.maxErrors)).toBe(10);
  });

  it('clamps nonsense to the allowed range and shows what applies', async () => {
    await mount(new FakeCaptureSource());
    await typeNumber(testIds.maxErrorsInput, '3');
    expect(byTestId<HTMLInputElement>(testIds.maxErrorsInput).value).toBe('10');
    await typeNumber(testIds.bodyCapInput, '');
    expect(byTestId<HTMLInputElement>(testIds.bodyCapInput).value).toBe('256');
  });

  it('offers the capture body cap (256 KB by default) under the key the capture layer reads, and restores it', async () => {
    const source = new FakeCaptureSource();
    await mount(source);
    expect(byTestId<HTMLInputElement>(testIds.bodyCapInput).value).toBe('256');
    await typeNumber(testIds.bodyCapInput, '1024');
    expect(source.storedSetting('capture.bodyCapKb')).toBe(1024);
    await mount(new FakeCaptureSource({ settings: { 'capture.bodyCapKb': 64 } }));
    expect(byTestId<HTMLInputElement>(testIds.bodyCapInput).value).toBe('64');
  });
});

describe('rate-limit strip', () => {
  it('groups limits by host and says how many it holds when there are several', async () => {
    const source = new FakeCaptureSource();
    // The same HostUp limit headers seen from three hosts: three chips.
    source.emitExchanges([hostupRateLimited(), { ...hostupSuccess(), url: 'https://eu.api.hostup.se/api/v2/vps' }, { ...hostupSuccess(), url: 'https://us.api.hostup.se/api/v2/vps' }]);
    await mount(source);
    expect(panel.root().querySelectorAll(`[data-testid="${testIds.rateLimitChip}"]`)).toHaveLength(3);
    expect(byTestId(testIds.rateLimitMore).textContent).toBe('3 limits');
    // Each host is named once, beside its own limits, not repeated inside every chip.
    const hosts = [...panel.root().querySelectorAll('.fl-strip-host')].map((el) => el.textContent);
    expect(hosts).toEqual(['api.hostup.se', 'eu.api.hostup.se', 'us.api.hostup.se']);
    for (const chip of panel.root().querySelectorAll(`[data-testid="${testIds.rateLimitChip}"]`)) expect(chip.textContent).not.toContain('hostup.se');
  });
});
