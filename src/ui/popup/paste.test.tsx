// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testIds } from '../testids.ts';
import { popupTestIds } from './testids.ts';
import { discord429, discordReceivedAt, hostUp404, mountForTest, type MountedPopup } from './test-support.ts';

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

async function paste(text: string): Promise<void> {
  popup = await mountForTest();
  fireEvent.click(screen.getByTestId(popupTestIds.pasteTab));
  fireEvent.input(screen.getByTestId(popupTestIds.pasteBox), { target: { value: text } });
  await popup.settled();
}

const retryCell = () => screen.getByTestId(testIds.retryCell).textContent ?? '';

describe('popup paste box', () => {
  it('decodes the HostUp 404 problem+json response: code, title, message, request id, docs link', async () => {
    await paste(hostUp404);
    const card = screen.getByTestId(testIds.details);
    expect(card.textContent).toContain('404');
    expect(card.textContent).toContain('problem-details');
    expect(screen.getByText('vps_not_found')).toBeTruthy();
    expect(screen.getByText('VPS not found')).toBeTruthy();
    expect(screen.getByText('No VPS matching the given ID was found.')).toBeTruthy();
    expect(screen.getByTestId(testIds.requestId).textContent).toBe('req_xyz789');
    const docs = screen.getByTestId(testIds.docsLink) as HTMLAnchorElement;
    expect(docs.href).toBe('https://developer.hostup.se/errors/vps_not_found');
    expect(docs.target).toBe('_blank');
    expect(docs.rel).toBe('noopener noreferrer');
    expect(retryCell()).toContain("don't retry");
    expect(screen.getByTestId(testIds.advice).textContent).not.toBe('');
  });

  it('counts the Discord 429 down with the one clock, to "wait over"', async () => {
    await paste(discord429);
    expect(screen.getByText('You are being rate limited.')).toBeTruthy();
    const first = /retry in (\d) s/.exec(retryCell());
    expect(first).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    const second = /retry in (\d) s/.exec(retryCell());
    expect(Number(second?.[1])).toBe(Number(first?.[1]) - 1);
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(retryCell()).toContain('wait over');
    expect(screen.getByTestId(testIds.details).textContent).toContain('0 of 5 left');
  });

  it('decodes a body alone with the status the user picks (Restore Hub 429)', async () => {
    await paste('{"error": "Rate limit exceeded.", "retryAfterSeconds": 12}');
    const card = () => screen.getByTestId(testIds.details).textContent ?? '';
    expect(card()).toMatch(/^400/);
    expect(card()).toContain('Rate limit exceeded.');
    fireEvent.change(screen.getByTestId(popupTestIds.pasteStatus), { target: { value: '429' } });
    await popup?.settled();
    expect(card()).toMatch(/^429/);
    expect(retryCell()).toContain('retry in 12 s');
  });

  it('takes the status of a body alone from its own status member', async () => {
    await paste(hostUp404.slice(hostUp404.indexOf('{')));
    expect(screen.getByTestId(testIds.details).textContent).toMatch(/^404/);
    expect(screen.getByText('vps_not_found')).toBeTruthy();
  });

  it('shows field errors of a Restore Hub validation body as a table', async () => {
    await paste('{"error":"Invalid request body.","details":{"issues":[{"path":["name"],"message":"Required"},{"path":["category"],"message":"Invalid enum value. Expected \'gaming\' | \'community\' | ..."}]}}');
    const rows = screen.getByTestId(testIds.fieldErrorsTable).querySelectorAll('tbody tr');
    expect([...rows].map((row) => row.querySelector('td')?.textContent)).toEqual(['/name', '/category']);
  });

  it('explains in one line what it cannot read', async () => {
    await paste('rate limit exceeded, please slow down');
    const alert = screen.getByTestId(popupTestIds.pasteError);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(/status line/);
    expect(screen.queryByTestId(testIds.details)).toBeNull();
  });

  it('says when a pasted response is not an error', async () => {
    await paste('HTTP/2 200\ncontent-type: application/json\n\n{"id": "vps_abc123", "state": "running"}');
    expect(screen.getByText(/Not an error/)).toBeTruthy();
    expect(screen.queryByTestId(testIds.details)).toBeNull();
  });

  it('renders hostile response data as text: no element is created and no javascript: link', async () => {
    const hostile = {
      type: 'javascript:alert(1)',
      title: '<img src=x onerror=alert(1)>',
      status: 422,
      detail: '<script>alert(2)</script>',
      code: '<svg onload=alert(3)>',
      requestId: '"><iframe src=javascript:alert(4)>',
      errors: [{ pointer: '/<b>name</b>', detail: '<a href="javascript:alert(5)">x</a>' }],
    };
    await paste(`HTTP/1.1 422 Unprocessable Content\r\nContent-Type: application/problem+json\r\n\r\n${JSON.stringify(hostile)}`);
    const root = popup?.root;
    if (root === undefined) throw new Error('not mounted');
    expect(root.querySelectorAll('img, script, svg, iframe, b')).toHaveLength(0);
    for (const link of root.querySelectorAll('a')) expect(link.href).toMatch(/^https?:/);
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('<script>alert(2)</script>');
    expect(root.textContent).toContain('<svg onload=alert(3)>');
  });
});
