import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { lookup } from '../../core/catalog/index.ts';
import { fixtures } from '../../core/fixtures/index.ts';
import { fixtureExchange } from '../../core/fixtures/render.ts';
import { hostupNotFound } from '../testing/seed-exchanges.ts';
import { connectEngine, type EnginePort } from './client.ts';
import { handleRequest } from './handler.ts';
import { inThreadEngine } from './in-thread.ts';
import type { EngineRequest } from '../../protocol/engine.ts';

const NOW = Date.UTC(2026, 3, 27, 12);

/** A port the test drives: it records requests, and replies or fails when told. */
function scriptedPort() {
  const sent: EngineRequest[] = [];
  let reply: (data: unknown) => void = () => undefined;
  let failure: (reason: string) => void = () => undefined;
  const port: EnginePort = {
    send: (request) => void sent.push(request),
    onReply: (listener) => {
      reply = listener;
    },
    onFailure: (listener) => {
      failure = listener;
    },
    close: () => undefined,
  };
  return { port, sent, reply: (data: unknown) => reply(data), fail: (reason: string) => failure(reason) };
}

describe('decoding engine', () => {
  it('decodes every fixture across the message boundary exactly as the pipeline does in-thread', async () => {
    const exchanges = fixtures.map((fixture, i) => fixtureExchange(fixture, NOW + i));
    const analyses = await inThreadEngine().analyze(exchanges);
    expect(analyses).toEqual(exchanges.map(analyze));
  });

  it('looks codes up and names statuses like the catalog', async () => {
    const engine = inThreadEngine();
    expect(await engine.lookup('vps_not_found')).toEqual(lookup('vps_not_found'));
    expect(await engine.statusTitles([429, 503])).toEqual(['Too Many Requests', 'Service Unavailable']);
  });

  it('answers a malformed request with a one-line error, never throwing', () => {
    const exchange = hostupNotFound();
    expect(handleRequest({ id: 7, op: 'analyze', exchanges: [{ ...exchange, status: '404' }] })).toEqual({
      id: 7,
      ok: false,
      error: 'malformed engine request at exchanges.0.status: Invalid input: expected number, received string',
    });
    expect(handleRequest(null)).toMatchObject({ id: -1, ok: false });
    expect(handleRequest({ id: 8, op: 'eval', code: '1' })).toMatchObject({ id: 8, ok: false });
  });

  it('takes __proto__ in a request as plain data', () => {
    const request: unknown = JSON.parse('{"id":1,"op":"lookup","query":"429","__proto__":{"polluted":true}}');
    expect(handleRequest(request)).toMatchObject({ id: 1, ok: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('engine client', () => {
  it('settles each call with the reply to its own id, ignoring replies it did not ask for', async () => {
    const { port, sent, reply } = scriptedPort();
    const engine = connectEngine(port);
    const first = engine.lookup('429');
    const second = engine.statusTitles([404]);
    const [a, b] = sent;
    if (a === undefined || b === undefined) throw new Error('nothing sent');
    reply({ id: 999, ok: true, result: ['stray'] });
    reply('garbage');
    reply({ id: b.id, ok: true, result: ['Not Found'] });
    reply({ id: a.id, ok: false, error: 'malformed engine request' });
    await expect(second).resolves.toEqual(['Not Found']);
    await expect(first).rejects.toThrow('malformed engine request');
  });

  it('fails every waiting call, and every later one, once the worker has failed', async () => {
    const { port, fail } = scriptedPort();
    const engine = connectEngine(port);
    const waiting = engine.analyze([hostupNotFound()]);
    fail('the decoding engine failed: Failed to fetch a worker script');
    await expect(waiting).rejects.toThrow('Failed to fetch a worker script');
    await expect(engine.lookup('429')).rejects.toThrow('Failed to fetch a worker script');
  });

  it('fails only the call whose request cannot be sent', async () => {
    const { port, sent, reply } = scriptedPort();
    let sends = 0;
    const engine = connectEngine({
      ...port,
      send: (request) => {
        if (sends++ === 0) throw new DOMException('could not be cloned', 'DataCloneError');
        port.send(request);
      },
    });
    await expect(engine.lookup('429')).rejects.toThrow('could not be cloned');
    const next = engine.statusTitles([404]);
    reply({ id: sent[0]?.id, ok: true, result: ['Not Found'] });
    await expect(next).resolves.toEqual(['Not Found']);
  });
});
