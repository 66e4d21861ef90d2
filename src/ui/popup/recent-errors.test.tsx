// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import type { DecodedError } from '../../core/model.ts';
import { parseRawResponse } from '../../core/raw-response.ts';
import { testIds } from '../testids.ts';
import { popupTestIds } from './testids.ts';
import { discord429, discordReceivedAt, hostUp404, mountForTest, type MountedPopup } from './test-support.ts';
import type { RecentError } from '../../protocol/relay.ts';

let popup: MountedPopup | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(discordReceivedAt);
});

afterEach(() => {
  popup?.unmount();
  popup = undefined;
  vi.useRealTimers();
});

/** What a DevTools panel would relay for a response it saw. */
function seen(raw: string, url: string, method = 'GET'): RecentError {
  const parsed = parseRawResponse(raw, discordReceivedAt);
  if ('error' in parsed) throw new Error(parsed.error);
  const decoded = analyze({ ...parsed.exchange, url, method }).error;
  if (decoded === null) throw new Error('not an error');
  return { url, method, status: parsed.exchange.status, decoded, count: 1, firstAt: discordReceivedAt };
}

describe('popup recent errors', () => {
  it('is hidden while the panels have seen no error', async () => {
    popup = await mountForTest();
    expect(screen.queryByTestId(popupTestIds.recentErrors)).toBeNull();
  });

  it('shows how many of a kind of error there were and since when', async () => {
    popup = await mountForTest();
    act(() => popup?.recent.push([{ ...seen(discord429, 'https://discord.com/api/v10/channels/1/messages', 'POST'), count: 300, firstAt: new Date(2026, 11, 7, 16, 57, 6).getTime() }]));
    expect(screen.getByTestId(popupTestIds.recentCount).textContent).toBe('×300 since 16:57:06');
    act(() => popup?.recent.push([seen(hostUp404, 'https://api.hostup.se/api/v2/vps/vps_abc123')]));
    expect(screen.queryByTestId(popupTestIds.recentCount)).toBeNull();
  });

  it('lists what the panels relay, newest first, with a live countdown', async () => {
    popup = await mountForTest();
    act(() => {
      popup?.recent.push([
        seen(discord429, 'https://discord.com/api/v10/channels/1/messages', 'POST'),
        seen(hostUp404, 'https://api.hostup.se/api/v2/vps/vps_abc123'),
      ]);
    });
    const rows = screen.getAllByTestId(popupTestIds.recentError);
    expect(rows.map((row) => row.dataset.status)).toEqual(['429', '404']);
    const [discord, hostUp] = rows;
    if (discord === undefined || hostUp === undefined) throw new Error('rows missing');
    expect(discord.textContent).toContain('discord.com/api/v10/channels/1/messages');
    expect(discord.textContent).toContain('You are being rate limited.');
    expect(hostUp.textContent).toContain('vps_not_found');
    expect(hostUp.textContent).toContain("don't retry");

    const countdown = () => Number(/retry in (\d) s/.exec(discord.textContent ?? '')?.[1]);
    const before = countdown();
    expect(before).toBeGreaterThan(0);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(countdown()).toBe(before - 1);
  });

  it('opens the decoded card of a row', async () => {
    popup = await mountForTest();
    act(() => popup?.recent.push([seen(hostUp404, 'https://api.hostup.se/api/v2/vps/vps_abc123')]));
    const row = screen.getByTestId(popupTestIds.recentError);
    const button = within(row).getByRole('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(within(row).getByTestId(testIds.requestId).textContent).toBe('req_xyz789');
  });

  it('stops listening when the popup closes', async () => {
    popup = await mountForTest();
    const { recent } = popup;
    expect(recent.subscriberCount).toBe(1);
    popup.unmount();
    popup = undefined;
    expect(recent.subscriberCount).toBe(0);
  });

  it('renders hostile relayed data as text, with no javascript: link', async () => {
    const xss = '<img src=x onerror=alert(1)>';
    const decoded: DecodedError = {
      format: 'generic-json',
      alsoLike: null,
      status: 400,
      errorIn2xx: false,
      code: '<svg onload=alert(2)>',
      subcode: null,
      title: xss,
      message: '<script>alert(3)</script>',
      fieldErrors: [{ path: '/<b>x</b>', message: xss, code: '<i>c</i>' }],
      requestId: '"><iframe src=javascript:alert(4)>',
      docsUrl: 'javascript:alert(5)',
      rateLimit: null,
      retry: { retryable: false, afterMs: null, retryAt: null, source: null, exact: false, backoff: null, idempotencyWarning: false },
      advice: xss,
      bodyNote: null,
    };
    popup = await mountForTest();
    act(() => popup?.recent.push([{ url: 'javascript:alert(6)', method: '<u>GET</u>', status: 400, decoded, count: 1, firstAt: 0 }]));
    fireEvent.click(within(screen.getByTestId(popupTestIds.recentError)).getByRole('button'));
    const root = popup.root;
    expect(root.querySelectorAll('img, script, svg, iframe, b, i, u')).toHaveLength(0);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).toContain(xss);
    expect(root.querySelector('[title="javascript:alert(6)"]')).not.toBeNull();
  });
});
