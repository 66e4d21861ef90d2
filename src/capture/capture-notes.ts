import { corsBlock, type CorsBlock } from '../core/cors.ts';
import { headerMap, type Exchange } from '../core/exchange.ts';

/**
 * What the capture says on a row when the browser's record of a request is not the plain "status,
 * headers, body" the page got: the note (shown in the details) and a short tag (shown on the row).
 * One place for the wording, so the panel, the README and the tests say the same thing.
 */
export interface CaptureRemark {
  readonly note: string;
  readonly tag: string;
}

/** Why getContent() gave no body, as far as the capture can tell. */
export type MissingBodyCause =
  /** Chrome hands DevTools a fetch body only once the page reads it; this one was never read. */
  | 'never-read'
  /** The page navigated after the request started: DevTools drops bodies of the page it leaves. */
  | 'navigated'
  /** No better reason: asked twice, a second apart, and DevTools had nothing. */
  | 'gone'
  /**
   * Not the body only: the page navigated away while this beacon was in flight, and Chrome's DevTools
   * records nothing a page's requests receive once it has left it (the request stays "pending", status 0).
   */
  | 'left-in-flight';

/** What the page\u2019s code got instead of a response the CORS check refused. */
const PAGE_SAW = 'a network error (Chrome: "TypeError: Failed to fetch"; Firefox: "TypeError: NetworkError when attempting to fetch resource."), and no status, headers or body';

function corsRemark(block: CorsBlock, exchange: Exchange): CaptureRemark {
  if (block.reason === 'preflight-failed') {
    const method = headerMap(exchange.requestHeaders).get('access-control-request-method') ?? 'request';
    return {
      tag: 'CORS',
      note: `Blocked by CORS: the preflight (OPTIONS) for this ${method} failed, so the browser never sent the ${method}; the page\u2019s code got ${PAGE_SAW}. ${block.fix}`,
    };
  }
  const status = exchange.status > 0 ? `this ${exchange.status}` : 'this response';
  return { tag: 'CORS', note: `Blocked by CORS: the page\u2019s code never saw ${status}; it got ${PAGE_SAW}. ${block.fix}` };
}

function missingBodyRemark(cause: MissingBodyCause, exchange: Exchange): CaptureRemark {
  switch (cause) {
    case 'never-read':
      return {
        tag: 'unread',
        note: 'The page never read this response\u2019s body, so the browser never handed it to DevTools (Chrome gives extensions a fetch body only once the page reads it). Status and headers are from the Network panel\u2019s record; the row is updated if the page reads the body later.',
      };
    case 'navigated':
      return { tag: 'no body', note: 'Body unavailable: the page navigated away just after this response, and DevTools drops the bodies of the page it leaves.' };
    case 'left-in-flight':
      return {
        tag: 'no response',
        note: 'No response recorded: the page navigated away while this sendBeacon request was in flight. The browser still delivers a beacon after the page left, but Chrome\u2019s DevTools records nothing that arrives for the page it left, even with Preserve log on (its record of this request has no status), so what the server answered is unknown. Check the server\u2019s log, or send the beacon without leaving the page to see its answer here.',
      };
    case 'gone':
      return {
        tag: 'no body',
        note: exchange.transportError === undefined
          ? 'Body unavailable: DevTools had none when asked twice, a second apart (it evicted it, or the request was cancelled).'
          : `Body unavailable: the request failed (${exchange.transportError}) and the browser kept no body.`,
      };
  }
}

function isWebSocket(exchange: Exchange): boolean {
  return exchange.resourceType === 'websocket';
}

/**
 * The remark for a captured exchange, most important first: a CORS block (the page saw none of it),
 * a refused WebSocket handshake, a lost status, then why the body is missing (when it is).
 */
export function captureRemark(exchange: Exchange, missingBody: MissingBodyCause | null): CaptureRemark | null {
  const block = corsBlock(exchange);
  if (block !== null) return corsRemark(block, exchange);
  if (isWebSocket(exchange)) {
    return exchange.status === 0
      ? { tag: 'WebSocket', note: 'WebSocket handshake failed: the browser recorded no HTTP status for it (Chrome does not report the server\u2019s answer to a refused handshake). The page got an error event, then a close with code 1006.' }
      : { tag: 'WebSocket', note: `WebSocket handshake refused with ${exchange.status}: the page got an error event, then a close with code 1006, never this status.` };
  }
  if (exchange.status === 0 && exchange.body !== null) {
    return { tag: 'no status', note: 'The browser lost this response\u2019s status (its record says 0) as the page navigated away; the body is decoded as it arrived.' };
  }
  return missingBody === null ? null : missingBodyRemark(missingBody, exchange);
}
