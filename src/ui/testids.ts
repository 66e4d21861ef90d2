/**
 * The DOM contract between the panel/popup and the end-to-end tests: the tests find what a user sees
 * through these `data-testid` values, never through class names.
 */
export const testIds = {
  /** Panel root; carries data-theme="light|dark". */
  panel: 'faultline-panel',
  /** The timeline grid (it takes focus; the selected row shows the focus ring). */
  timeline: 'timeline',
  /** One timeline row per decoded error; carries data-status, data-format, data-code (or ""). */
  errorRow: 'error-row',
  rowMessage: 'row-message',
  /** The capture's tag on a row (`CORS`, `unread`…); its title is the capture note. */
  rowTag: 'row-tag',
  /** The live retry cell: "retry in 0:42" → "ready", or the verdict ("don't retry", "backoff"). */
  retryCell: 'retry-cell',
  /** Grouped view: one row per fingerprint; carries data-count, data-status, data-code. */
  groupRow: 'group-row',
  /** The "×N" of a group row, and its name (the URL template's last segment, as the Name column names a request). */
  groupCount: 'group-count',
  groupName: 'group-name',
  groupSimilarToggle: 'group-similar',
  /** The findings bar above the timeline, and one item per finding (carries data-kind, data-severity). */
  findingsBar: 'findings-bar',
  finding: 'finding',
  /** The findings about the selected request (or group), in its details. */
  detailsFindings: 'details-findings',
  /** Count, first and last time of the selected group, in the details. */
  groupSummary: 'group-summary',
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
  /** The scrolling body of the details pane (it opens at the top for each newly selected error). */
  detailsBody: 'details-body',
  fieldErrorsTable: 'field-errors',
  requestId: 'request-id',
  docsLink: 'docs-link',
  advice: 'advice',
  rawBody: 'raw-body',
  /** The exact text "Copy as cURL" would copy, shown before copying (secrets redacted unless opted in). */
  curlPreview: 'curl-preview',
  fetchPreview: 'fetch-preview',
  includeSecretsToggle: 'include-secrets',
  /** The Markdown "Copy support report" copies, shown before copying (same secrets toggle as the snippets). */
  supportReportPreview: 'support-report-preview',
  copySupportReport: 'copy-support-report',
  /** Toolbar: downloads the retained exchanges as a HAR file, redacted unless the toggle beside it is on. */
  exportHarButton: 'export-har',
  exportHarSecretsToggle: 'export-har-include-secrets',
  /** Toolbar: how many errors the timeline keeps (the retention cap). */
  maxErrorsInput: 'max-errors',
  /** Toolbar: the largest response body captured, in KB (the capture layer's `capture.bodyCapKb`). */
  bodyCapInput: 'body-cap-kb',
  emptyState: 'empty-state',
  /** Toolbar: opens what the capture cannot see (requests before DevTools opened, SharedWorkers…). */
  captureHelp: 'capture-help',
  captureHelpText: 'capture-help-text',
  /** The open context menu (a row's, or the column header's); its items are role=menuitem / menuitemcheckbox. */
  contextMenu: 'context-menu',
  /** A column header cell; carries data-column (the column id). */
  columnHeader: 'column-header',
  /** The drag handle on a column header's edge. */
  columnResizer: 'column-resizer',
  /** The draggable divider between the list and the details pane. */
  splitter: 'splitter',
  /** "Clear filters" in the no-match state. */
  clearFilters: 'clear-filters',
  /** Next to the filter box when its /regex/ does not compile: says why. */
  filterError: 'filter-error',
  /** Toolbar: opens a HAR file into the panel. */
  openHarButton: 'open-har',
  /** The banner of an imported HAR session (file name, "Back to live capture"). */
  importBanner: 'import-banner',
  closeImport: 'close-import',
  /** The toolbar; it stays one line, what does not fit moves into the overflow popup. */
  toolbar: 'toolbar',
  /** The toolbar's "»" overflow (its wrapper, its button and the popup of the controls that did not fit). */
  toolbarOverflow: 'toolbar-overflow',
  toolbarOverflowButton: 'toolbar-overflow-button',
  toolbarOverflowPopup: 'toolbar-overflow-popup',
  /** The rate-limit strip's "+N" overflow button and the full list it opens. */
  rateLimitMore: 'rate-limit-more',
  rateLimitList: 'rate-limit-list',
} as const;
