import { describe, expect, it } from 'vitest';
import { asCaptureChannelMessage } from './capture.ts';

const exchange = { method: 'GET', url: 'https://api.hostup.se/api/v2/vps/1', requestHeaders: [], status: 404, responseHeaders: [], body: null, mimeType: '', receivedAt: 1 };

describe('capture channel messages', () => {
  it('passes well-formed batches and drops a batch with any malformed event whole', () => {
    const good = { kind: 'live', events: [{ kind: 'exchange', id: 'r1', exchange, captureNote: null }, { kind: 'navigated', url: 'https://app.test/', at: 2 }] };
    expect(asCaptureChannelMessage(good)).toEqual(good);
    expect(asCaptureChannelMessage({ kind: 'live', events: [...good.events, { kind: 'exchange', id: 7, exchange, captureNote: null }] })).toBeNull();
    expect(asCaptureChannelMessage({ kind: 'live', events: [{ kind: 'evicted', count: '3' }] })).toBeNull();
    expect(asCaptureChannelMessage({ kind: 'replay', events: [] })).toBeNull(); // a replay names its session
    expect(asCaptureChannelMessage({ kind: 'hello', session: 's' })).toEqual({ kind: 'hello', session: 's' });
    expect(asCaptureChannelMessage('forget')).toBeNull();
  });
});
