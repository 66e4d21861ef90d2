// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lookup } from '../../core/catalog/index.ts';
import { popupTestIds } from './testids.ts';
import { hostUp404, mountForTest, type MountedPopup } from './test-support.ts';

let popup: MountedPopup | undefined;
afterEach(() => {
  popup?.unmount();
  popup = undefined;
  vi.restoreAllMocks();
});

async function open(): Promise<HTMLInputElement> {
  popup = await mountForTest();
  return screen.getByTestId(popupTestIds.search) as HTMLInputElement;
}

/** Types into the search box and waits for the engine's answer. */
async function type(input: HTMLInputElement, text: string): Promise<void> {
  fireEvent.input(input, { target: { value: text } });
  await popup?.settled();
}

const results = () => screen.queryAllByRole('option');

describe('popup quick lookup', () => {
  it('focuses the search box on open', async () => {
    const input = await open();
    expect(document.activeElement).toBe(input);
  });

  it('shows Too Many Requests as you type 429', async () => {
    await type(await open(), '429');
    const first = results()[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    expect(first.dataset.key).toBe('429');
    expect(within(first).getByText('Too Many Requests')).toBeTruthy();
  });

  it('finds the HostUp entry for vps_not_found', async () => {
    await type(await open(), 'vps_not_found');
    const card = results().find((option) => option.dataset.key === 'vps_not_found');
    expect(card?.dataset.api).toBe('HostUp');
  });

  it('moves with ↑/↓, expands with Enter and clears with Esc', async () => {
    const input = await open();
    await type(input, 'rate limit');
    const entries = lookup('rate limit');
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const second = entries[1];
    if (second === undefined) return;

    const selected = () => results().findIndex((option) => option.getAttribute('aria-selected') === 'true');
    expect(selected()).toBe(0);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toBe(1);
    expect(input.getAttribute('aria-activedescendant')).toBe(results()[1]?.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(selected()).toBe(0);
    fireEvent.keyDown(input, { key: 'ArrowDown' });

    // Collapsed, a card shows no advice; Enter expands the active one only.
    expect(screen.queryByText(second.advice)).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    const option = results()[1];
    if (option === undefined) throw new Error('no second result');
    expect(within(option).getByText(second.advice)).toBeTruthy();
    expect(results()[0]?.textContent).not.toContain(entries[0]?.advice);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.queryByText(second.advice)).toBeNull();

    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(results()).toHaveLength(0);
  });

  it('gives each result its API, category, retry verdict and only http(s) docs links that open a new tab', async () => {
    const input = await open();
    await type(input, '429');
    fireEvent.keyDown(input, { key: 'Enter' });
    const first = results()[0];
    const entry = lookup('429')[0];
    if (first === undefined || entry === undefined) throw new Error('no result for 429');
    expect(first.textContent).toContain(entry.api);
    expect(first.textContent).toContain(entry.category);
    expect(first.textContent).toMatch(/retry/);
    for (const link of first.querySelectorAll('a')) {
      expect(link.href).toMatch(/^https?:/);
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
    }
  });

  it('says so when nothing matches, showing the query as text', async () => {
    await type(await open(), '<img src=x onerror=alert(1)>');
    expect(screen.getByText(/No entry matches/).textContent).toContain('<img src=x onerror=alert(1)>');
    expect(popup?.root.querySelector('img')).toBeNull();
  });

  it('hands a whole response pasted into the search box to the paste view, decoded', async () => {
    const input = await open();
    fireEvent.paste(input, { clipboardData: { getData: () => hostUp404 } });
    await popup?.settled();
    expect(screen.getByTestId(popupTestIds.pasteTab).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByTestId(popupTestIds.pasteBox) as HTMLTextAreaElement).value).toBe(hostUp404);
    expect(screen.getByText('vps_not_found')).toBeTruthy();
  });

  it('switches between look-up and paste with the arrow keys on the tabs', async () => {
    await open();
    const lookupTab = screen.getByTestId(popupTestIds.lookupTab);
    fireEvent.keyDown(lookupTab, { key: 'ArrowRight' });
    expect(screen.getByTestId(popupTestIds.pasteTab).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId(popupTestIds.pasteBox));
    fireEvent.keyDown(screen.getByTestId(popupTestIds.pasteTab), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByTestId(popupTestIds.search));
  });
});

describe('popup theme', () => {
  it('uses the theme it is given', async () => {
    popup = await mountForTest({ theme: 'dark' });
    expect(screen.getByTestId(popupTestIds.popup).dataset.theme).toBe('dark');
  });

  it("follows the browser's prefers-color-scheme when given none, live", async () => {
    let onChange: (() => void) | undefined;
    const media = {
      matches: true,
      addEventListener: (_type: string, listener: () => void) => {
        onChange = listener;
      },
      removeEventListener: vi.fn(),
    } as unknown as MediaQueryList;
    const view = document.defaultView;
    if (view === null) throw new Error('no window');
    const matchMedia = vi.spyOn(view, 'matchMedia').mockReturnValue(media);
    popup = await mountForTest({ theme: undefined });
    expect(matchMedia).toHaveBeenCalledWith('(prefers-color-scheme: dark)');
    const root = screen.getByTestId(popupTestIds.popup);
    expect(root.dataset.theme).toBe('dark');
    Object.assign(media, { matches: false });
    act(() => onChange?.());
    expect(root.dataset.theme).toBe('light');
  });
});
