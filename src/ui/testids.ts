/**
 * The DOM contract between the panel/popup and the end-to-end tests: the tests find what a user sees
 * through these `data-testid` values, never through class names.
 */
export const testIds = {
  /** Panel root; carries data-theme="light|dark". */
  panel: 'faultline-panel',
  /** One timeline row per decoded error; carries data-status, data-format, data-code (or ""). */
  errorRow: 'error-row',
  rowMessage: 'row-message',
  /** The live retry cell: "retry in 0:42" → "ready", or the verdict ("don't retry", "backoff"). */
  retryCell: 'retry-cell',
  /** A "navigated to …" separator row (preserve log on). */
  navigationRow: 'navigation-row',
  /** Count of retained errors, and of dropped ones when the cap was hit. */
  errorCount: 'error-count',
  rateLimitStrip: 'rate-limit-strip',
  /** One chip per host/bucket; carries data-bucket. Its countdown text ticks down. */
  rateLimitChip: 'rate-limit-chip',
  clearButton: 'clear-button',
  pauseButton: 'pause-button',
  preserveLogToggle: 'preserve-log',
  filterText: 'filter-text',
  details: 'details',
  detailsClose: 'details-close',
  fieldErrorsTable: 'field-errors',
  requestId: 'request-id',
  docsLink: 'docs-link',
  advice: 'advice',
  rawBody: 'raw-body',
  /** The exact text "Copy as cURL" would copy, shown before copying (secrets redacted unless opted in). */
  curlPreview: 'curl-preview',
  fetchPreview: 'fetch-preview',
  includeSecretsToggle: 'include-secrets',
  emptyState: 'empty-state',
} as const;
