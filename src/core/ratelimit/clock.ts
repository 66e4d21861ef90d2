/**
 * Server clock correction. Absolute reset times are on the server's clock;
 * the delay is `reset − Date(response)`, never `reset − now`, so a skewed client clock or a HAR decoded
 * a week later gives the same countdown.
 */
import type { HeaderMap } from '../exchange.ts';
import { parseHttpDate } from './dates.ts';
import { parseDecimal } from './values.ts';

/**
 * The server's "now" at the moment the response was received: its `Date` header, plus `Age` when a
 * cache held the response. Without a usable `Date`, the receiver's clock.
 */
export function serverNow(headers: HeaderMap, receivedAt: number): number {
  const date = headers.get('date');
  const sent = date === undefined ? null : parseHttpDate(date, receivedAt);
  if (sent === null) return receivedAt;
  const age = parseDecimal(headers.get('age'));
  return age !== null && age > 0 ? sent + age * 1000 : sent;
}

/** Moves an instant on the server's clock onto the receiver's clock. */
export function toReceiverClock(serverInstant: number, headers: HeaderMap, receivedAt: number): number {
  return receivedAt + (serverInstant - serverNow(headers, receivedAt));
}
