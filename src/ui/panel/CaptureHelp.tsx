import { testIds } from '../testids.ts';

/**
 * What the capture cannot see, or sees only in part, where a user looks when a request is missing
 * (the toolbar), not only in the empty state. The same list is in the README's "Known limits".
 */
const LIMITS: readonly string[] = [
  'Requests made before DevTools was opened: reload the page with DevTools open to capture them.',
  'Requests of a SharedWorker: no browser shows them to the page\u2019s DevTools (inspect the worker itself).',
  'A Service Worker\u2019s own requests in Firefox: its toolbox lists the page\u2019s requests only. In Chrome, the worker\u2019s network request for a page request is folded into the page\u2019s row.',
  'Requests that finish after the page navigated away (sendBeacon, keepalive fetch, an error just before a redirect) and the bodies of the page left: turn on Preserve log in Chrome\u2019s Network panel (Persist Logs in Firefox\u2019s) to keep them. Even then Chrome records nothing that arrives after the page left: a sendBeacon answered then is shown without its status (marked no response), a keepalive fetch not at all.',
  'A cross-origin response the CORS check refused is marked CORS: the page\u2019s code got a network error, not that status.',
  'A fetch whose body the page never read (Chrome): shown from its status and headers, marked unread, and updated if the page reads it later.',
  'Bodies over the capture limit: JSON is kept shortened so the error still decodes; other bodies are cut at the limit.',
];

export function CaptureHelp() {
  return (
    <details class="fl-help">
      <summary data-testid={testIds.captureHelp} title="What Faultline can and cannot capture">
        ?
      </summary>
      <div class="fl-help-text" data-testid={testIds.captureHelpText} role="note">
        <p>What the capture cannot see, or sees in part:</p>
        <ul>
          {LIMITS.map((limit) => (
            <li key={limit}>{limit}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}
