import { useMemo } from 'preact/hooks';
import type { Exchange } from '../../core/exchange.ts';
import type { DecodedError } from '../../core/model.ts';
import { supportReport } from '../../core/support-report.ts';
import { testIds } from '../testids.ts';
import { CopyButton } from './CopySnippets.tsx';

/** "Copy support report": the Markdown previewed exactly as it will be copied. */
export function SupportReport({ exchange, error, includeSecrets }: { exchange: Exchange; error: DecodedError; includeSecrets: boolean }) {
  const report = useMemo(() => supportReport(exchange, error, { includeSecrets }), [exchange, error, includeSecrets]);
  return (
    <div class="fl-snippet">
      <CopyButton text={report} label="Copy support report" testId={testIds.copySupportReport} />
      <pre class="fl-pre" data-testid={testIds.supportReportPreview}>
        {report}
      </pre>
    </div>
  );
}
