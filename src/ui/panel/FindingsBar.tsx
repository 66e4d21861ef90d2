import type { Finding } from '../../core/findings/index.ts';
import { testIds } from '../testids.ts';
import type { PanelStore } from './store.ts';

/** How each kind reads in the bar: a few words, the sentence follows. */
export const FINDING_TITLES: Readonly<Record<Finding['kind'], string>> = {
  'retry-before-delay': 'Retried before the delay',
  'no-backoff': 'No backoff',
  'retried-non-retryable': 'Retried a request that cannot succeed',
  'unsafe-retry': 'Unsafe retry',
  'cors-hidden': 'Hidden by CORS',
  'quota-burn': 'Quota burning',
};

const SEVERITY_ICONS: Readonly<Record<Finding['severity'], string>> = { error: '\u2716', warn: '\u26a0', info: '\u2139' };

/** One finding: what happened, what to do, and a click that selects the requests it cites. */
export function FindingItem({ finding, onCite }: { finding: Finding; onCite?: ((finding: Finding) => void) | undefined }) {
  const count = finding.entries.length;
  const body = (
    <>
      <span class="fl-finding-icon" aria-hidden="true">{SEVERITY_ICONS[finding.severity]}</span>
      <span class="fl-finding-title">{FINDING_TITLES[finding.kind]}</span>
      <span class="fl-finding-message">{finding.message}</span>
      <span class="fl-finding-advice">{finding.advice}</span>
    </>
  );
  return (
    <li class={`fl-finding fl-severity-${finding.severity}`} data-testid={testIds.finding} data-kind={finding.kind} data-severity={finding.severity}>
      {onCite === undefined ? (
        body
      ) : (
        <button type="button" class="fl-finding-button" title={`Select the ${count} request${count === 1 ? '' : 's'} it cites`} onClick={() => onCite(finding)}>
          {body}
        </button>
      )}
    </li>
  );
}

/**
 * Findings shown at once. A client that loops over every endpoint earns one finding per endpoint; the
 * most severe come first, and the bar (re-rendered with every update of a burst) stays a few dozen items.
 */
export const MAX_FINDINGS_SHOWN = 30;

/** Above the timeline: what the client did wrong, most severe first; nothing when all is well. */
export function FindingsBar({ store }: { store: PanelStore }) {
  const findings = store.findings.value;
  if (findings.length === 0) return null;
  const hidden = findings.length - MAX_FINDINGS_SHOWN;
  return (
    <section class="fl-findings" data-testid={testIds.findingsBar} aria-label="Findings about the client's behaviour">
      <ul class="fl-findings-list">
        {findings.slice(0, MAX_FINDINGS_SHOWN).map((finding) => (
          <FindingItem key={`${finding.kind} ${finding.entries[0] ?? ''}`} finding={finding} onCite={(f) => store.cite(f)} />
        ))}
      </ul>
      {hidden > 0 && <p class="fl-note fl-findings-more">{`${hidden} more finding${hidden === 1 ? '' : 's'} of lower or equal severity.`}</p>}
    </section>
  );
}
