// @vitest-environment happy-dom
import { fireEvent, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { send } from '../../core/findings/test-timeline.ts';
import { FakeCaptureSource } from '../fake-source.ts';
import { testIds } from '../testids.ts';
import { settingKeys } from './settings.ts';
import { usePanelHarness } from './test-harness.ts';
import { FINDINGS_EVERY_MS } from './view-state.ts';

const panel = usePanelHarness();
const { rows, byTestId, getByTestId } = panel;

// A misbehaving client: a 429 retried in lockstep before its Retry-After, a refund re-POSTed after a 500,
// three different servers not found on one endpoint (a group, not a retry).
const session = () => [
  ...[0, 0.5, 1, 1.5].map((at) => send('discord-rate-limited', { at })),
  send('stripe-500-should-not-retry', { at: 2 }),
  send('stripe-500-should-not-retry', { at: 3 }),
  ...[4, 5, 6].map((at, i) => send('pterodactyl-not-found', { at, path: `/api/client/servers/1a7ce99${i}` })),
];

const groupRows = () => [...panel.root().querySelectorAll<HTMLElement>(`[data-testid="${testIds.groupRow}"]`)];
const findings = () => [...panel.root().querySelectorAll<HTMLElement>(`[data-testid="${testIds.finding}"]`)].map((f) => [f.dataset['kind'], f.dataset['severity']]);

describe('Group similar', () => {
  it('shows one row per fingerprint with its count and newest message, and expands to its members', async () => {
    const source = new FakeCaptureSource({ settings: { [settingKeys.groupSimilar]: true } });
    source.emitExchanges(session());
    await panel.mount(source);
    expect(groupRows().map((r) => [r.dataset['status'], r.dataset['count']])).toEqual([['429', '4'], ['500', '2'], ['404', '3']]);
    expect(rows()).toHaveLength(0);
    const notFound = groupRows()[2];
    if (notFound === undefined) throw new Error('no 404 group');
    expect(notFound.textContent).toContain('servers/:hash');
    expect(notFound.textContent).not.toContain('/api/client');
    fireEvent.click(within(notFound).getByRole('button', { name: 'Expand group' }));
    await panel.advance(0);
    expect(rows()).toHaveLength(3);
    expect(groupRows()[2]?.getAttribute('aria-expanded')).toBe('true');
  });

  it('opens the details of a group on its newest member, with the group summary and its findings', async () => {
    const source = new FakeCaptureSource({ settings: { [settingKeys.groupSimilar]: true } });
    source.emitExchanges(session());
    await panel.mount(source);
    await panel.advance(FINDINGS_EVERY_MS); // findings run in a task of their own, at most once a second
    const storm = groupRows()[0];
    if (storm === undefined) throw new Error('no 429 group');
    fireEvent.click(storm);
    await panel.advance(0);
    expect(getByTestId(testIds.groupSummary).textContent).toMatch(/^×4 POST api\.example\.test\/api\/v10\/channels\/:id\/messages, first at/);
    const cited = [...getByTestId(testIds.detailsFindings).querySelectorAll<HTMLElement>(`[data-testid="${testIds.finding}"]`)].map((f) => f.dataset['kind']);
    expect(cited).toEqual(['retry-before-delay', 'no-backoff']);
  });

  it('persists the toggle, and lists every error again when it is turned off', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges(session());
    await panel.mount(source);
    expect(rows()).toHaveLength(9);
    fireEvent.click(getByTestId(testIds.groupSimilarToggle));
    await panel.advance(0);
    expect(groupRows()).toHaveLength(3);
    expect(await source.settings.get(settingKeys.groupSimilar)).toBe(true);
  });
});

describe('findings bar', () => {
  it('names what the client did wrong, most severe first, and a click selects the cited requests', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges(session());
    await panel.mount(source);
    expect(findings()).toEqual([]);
    await panel.advance(FINDINGS_EVERY_MS); // findings run in a task of their own, at most once a second
    expect(findings()).toEqual([
      ['retry-before-delay', 'error'],
      ['unsafe-retry', 'error'],
      ['no-backoff', 'warn'],
    ]);
    const unsafe = [...getByTestId(testIds.findingsBar).querySelectorAll<HTMLElement>(`[data-testid="${testIds.finding}"]`)][1];
    if (unsafe === undefined) throw new Error('no unsafe-retry finding');
    fireEvent.click(within(unsafe).getByRole('button'));
    await panel.advance(0);
    expect(rows().filter((r) => r.classList.contains('fl-cited')).map((r) => r.dataset['status'])).toEqual(['500', '500']);
    expect(byTestId(testIds.details)?.textContent).toContain('An unknown error occurred');
  });

  it('stays away while the client behaves', async () => {
    const source = new FakeCaptureSource();
    source.emitExchanges([send('discord-rate-limited', { at: 0 }), send('discord-rate-limited', { at: 3.5 })]);
    await panel.mount(source);
    await panel.advance(FINDINGS_EVERY_MS);
    expect(byTestId(testIds.findingsBar)).toBeNull();
  });
});
