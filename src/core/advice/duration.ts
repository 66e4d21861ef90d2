/**
 * The one way Faultline writes a duration, in the panel, the popup, the CLI and advice text alike:
 * `500 ms`, `42 s`, `3 min 5 s`, `2 h 5 min`, `3 d 4 h`. Whole seconds from one second up, then the two
 * largest units (the smaller one truncated, as a clock does), so a countdown reads the same as a delay.
 */

const SECOND = 1000;
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function pair(seconds: number, big: number, bigUnit: string, small: number, smallUnit: string): string {
  const whole = Math.floor(seconds / big);
  const rest = Math.floor((seconds - whole * big) / small);
  return rest === 0 ? `${whole} ${bigUnit}` : `${whole} ${bigUnit} ${rest} ${smallUnit}`;
}

export function formatDuration(ms: number): string {
  if (!(ms >= SECOND)) return `${Math.max(0, Math.round(ms)) || 0} ms`;
  const seconds = Math.round(ms / SECOND);
  if (seconds < MINUTE) return `${seconds} s`;
  if (seconds < HOUR) return pair(seconds, MINUTE, 'min', 1, 's');
  if (seconds < DAY) return pair(seconds, HOUR, 'h', MINUTE, 'min');
  return pair(seconds, DAY, 'd', HOUR, 'h');
}

/** A countdown: whole seconds rounded up, so it shows `1 s` until the instant is reached, then `0 s`. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / SECOND));
  return seconds === 0 ? '0 s' : formatDuration(seconds * SECOND);
}
