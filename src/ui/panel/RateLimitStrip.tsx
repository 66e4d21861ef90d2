import type { ReadonlySignal } from '@preact/signals';
import { formatCountdown, limitTone } from '../format.ts';
import { testIds } from '../testids.ts';
import type { RateLimitChip } from './entries.ts';

function quota(chip: RateLimitChip): string {
  const { limit, remaining } = chip.state;
  if (remaining === null && limit === null) return '';
  return `${remaining ?? '?'}/${limit ?? '?'}`;
}

function resetText(resetAt: number | null, now: number): string {
  if (resetAt === null) return '';
  return resetAt > now ? `resets in ${formatCountdown(resetAt - now)}` : 'reset';
}

/**
 * One chip per host + bucket with the quota left and the time to the window reset, ticking. Chips wrap
 * onto at most two lines, then the strip scrolls; the count says how many there are in all.
 */
export function RateLimitStrip({ chips, now }: { chips: readonly RateLimitChip[]; now: ReadonlySignal<number> }) {
  if (chips.length === 0) return null;
  const at = now.value;
  return (
    <div class="fl-strip-bar">
      {chips.length > 1 && (
        <span class="fl-strip-count" data-testid={testIds.rateLimitCount}>
          {`${chips.length} limits`}
        </span>
      )}
      <ul class="fl-strip" data-testid={testIds.rateLimitStrip} aria-label={`Rate limits (${chips.length})`}>
        {chips.map((chip) => {
          const tone = limitTone(chip.state, at);
          const left = quota(chip);
          const reset = resetText(chip.state.resetAt, at);
          const name = chip.host === '' ? chip.state.bucket : `${chip.host} · ${chip.state.bucket}`;
          return (
            <li key={chip.key} class={`fl-chip fl-limit-${tone}`} data-testid={testIds.rateLimitChip} data-bucket={chip.state.bucket} title={`${name} (${chip.state.dialect})`}>
              <span class="fl-chip-name">{name}</span>
              {left !== '' && <span class="fl-chip-part">{left}</span>}
              {reset !== '' && <span class="fl-chip-part">{reset}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
