import { describe, expect, it } from 'vitest';
import { groupBy } from './group.ts';
import type { Observation } from './observation.ts';
import { send, T0, timeline } from './test-timeline.ts';

const byFingerprint = (observations: readonly Observation[]) => groupBy(observations, (o) => o.fingerprint, (o) => o.receivedAt);

describe('groupBy fingerprint', () => {
  it('makes one group of three different servers not found on one endpoint, with count, first and last', () => {
    const groups = byFingerprint(timeline([0, 4, 9].map((at, i) => send('pterodactyl-not-found', { at, path: `/api/client/servers/1a7ce99${i}` }))));
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group?.fingerprint).toMatchObject({ method: 'GET', host: 'api.example.test', urlTemplate: '/api/client/servers/:hash', status: 404, code: 'NotFoundHttpException' });
    expect(group?.fingerprint.key).toBe('GET api.example.test/api/client/servers/:hash 404 NotFoundHttpException');
    expect(group?.members.map((o) => o.ref)).toEqual([0, 1, 2]);
    expect([group?.first, group?.last]).toEqual([T0 + 100, T0 + 9100]);
  });

  it('splits by status and code, and leaves successes out', () => {
    const groups = byFingerprint(
      timeline([send('discord-bad-gateway', { at: 0 }), send('discord-gateway-timeout', { at: 1, path: '/api/v10/channels/1234/messages' }), send('rl-github-200-limits', { at: 2 }), send('discord-bad-gateway', { at: 3 })]),
    );
    expect(groups.map((g) => [g.fingerprint.status, g.members.length])).toEqual([[502, 2], [504, 1]]);
  });
});
