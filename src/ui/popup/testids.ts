/**
 * `data-testid` values of the popup, for end-to-end tests. The decoded card reuses the panel's ids
 * (testIds.details, fieldErrorsTable, requestId, docsLink, advice, retryCell) from src/ui/testids.ts.
 */
export const popupTestIds = {
  /** Popup root; carries data-theme="light|dark". */
  popup: 'faultline-popup',
  lookupTab: 'popup-lookup-tab',
  pasteTab: 'popup-paste-tab',
  search: 'popup-search',
  /** One card per lookup result; carries data-key and data-api. */
  lookupResult: 'lookup-result',
  pasteBox: 'paste-box',
  pasteStatus: 'paste-status',
  /** The one-line reason a paste could not be read. */
  pasteError: 'paste-error',
  recentErrors: 'recent-errors',
  /** One row per recent kind of error (fingerprint); carries data-status. */
  recentError: 'recent-error',
  /** "×300 since 16:57:06" on a recent error seen more than once. */
  recentCount: 'recent-count',
} as const;
