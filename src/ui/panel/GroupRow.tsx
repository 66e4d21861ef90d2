import type { ReadonlySignal } from '@preact/signals';
import { formatTime } from '../format.ts';
import { testIds } from '../testids.ts';
import type { Column } from './columns.tsx';
import { entryStart, type ErrorEntry } from './entries.ts';
import type { GroupEntry } from './groups.ts';

const STRIP_BINS = 16;
const STRIP_HEIGHT = 10;

/**
 * The group's activity from its first to its last request, as one SVG path of bars (one element per
 * row, however many members): a burst reads as one tall bar, a steady retry loop as an even comb.
 */
export function activityPath(members: readonly ErrorEntry[], first: number, last: number): string {
  const bins = new Array<number>(STRIP_BINS).fill(0);
  const span = last - first;
  for (const member of members) {
    const at = span <= 0 ? STRIP_BINS - 1 : Math.min(STRIP_BINS - 1, Math.floor(((entryStart(member) - first) / span) * STRIP_BINS));
    bins[at] = (bins[at] ?? 0) + 1;
  }
  const peak = Math.max(...bins);
  return bins
    .map((count, i) => (count === 0 ? '' : `M${i * 2 + 0.5} ${STRIP_HEIGHT}v-${Math.max(1, Math.round((count / peak) * STRIP_HEIGHT))}`))
    .join('');
}

/**
 * The group's name, as the Name column names a request: the template's last segment and query keys,
 * with the segment before when the last is a placeholder (`users/:id`, not `:id`).
 */
export function templateName(template: string): string {
  const [path = '', query] = template.split('?', 2);
  const segments = path.split('/').filter((segment) => segment !== '');
  const last = segments.at(-1) ?? '/';
  const name = last.startsWith(':') && segments.length > 1 ? `${segments.at(-2) ?? ''}/${last}` : last;
  return query === undefined ? name : `${name}?${query}`;
}

/** "16:57:06 – 16:58:10", or one time for a group of one. */
function span(group: GroupEntry): string {
  const first = formatTime(group.first).slice(0, 8);
  const last = formatTime(group.last).slice(0, 8);
  return first === last ? first : `${first}\u2013${last}`;
}

interface GroupRowProps {
  readonly group: GroupEntry;
  readonly index: number;
  /** Offset from the top of the rows (px): rows are absolutely placed. */
  readonly top: number;
  readonly selected: boolean;
  readonly cited: boolean;
  readonly className: string;
  /** The timeline's columns: time and name show the group; the others its newest member (its countdown is the group's). */
  readonly columns: readonly Column[];
  readonly now: ReadonlySignal<number>;
  readonly onPick: (group: GroupEntry) => void;
  readonly onToggle: (group: GroupEntry) => void;
}

/** One row per fingerprint: count, first and last time, activity, and the newest member's message and retry. */
export function GroupRow({ group, index, top, selected, cited, className, columns, now, onPick, onToggle }: GroupRowProps) {
  const { newest, fingerprint } = group;
  const count = group.members.length;
  return (
    <div
      role="row"
      id={`fl-row-${group.key}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-expanded={group.expanded}
      class={`${className} fl-group${cited ? ' fl-cited' : ''}`}
      style={{ top: `${top}px` }}
      data-testid={testIds.groupRow}
      data-count={String(count)}
      data-status={String(fingerprint.status)}
      data-code={fingerprint.code ?? ''}
      title={`${count} request${count === 1 ? '' : 's'} since ${formatTime(group.first)}, the last at ${formatTime(group.last)}`}
      onClick={() => onPick(group)}
    >
      {columns.map(({ id, Cell }) => {
        if (id === 'time') return <div key={id} role="gridcell" class="fl-cell fl-dim">{span(group)}</div>;
        if (id !== 'name') return <Cell key={id} entry={newest} now={now} />;
        return (
          <div key={id} role="gridcell" class="fl-cell fl-group-path" title={`${fingerprint.method} ${fingerprint.host}${fingerprint.urlTemplate}`}>
            <button
              type="button"
              class="fl-disclosure"
              aria-label={group.expanded ? 'Collapse group' : 'Expand group'}
              onClick={(event) => {
                event.stopPropagation();
                onToggle(group);
              }}
            >
              {group.expanded ? '\u25be' : '\u25b8'}
            </button>
            <span class="fl-count" data-testid={testIds.groupCount}>{`\u00d7${count}`}</span>
            <svg class="fl-activity" width={STRIP_BINS * 2} height={STRIP_HEIGHT} aria-hidden="true">
              <path d={activityPath(group.members, group.first, group.last)} />
            </svg>
            <span data-testid={testIds.groupName}>{templateName(fingerprint.urlTemplate)}</span>
          </div>
        );
      })}
    </div>
  );
}
