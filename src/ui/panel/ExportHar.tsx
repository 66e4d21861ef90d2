import { version } from '../../../manifest.json';
import { buildHar, harFileName, type HarExportItem } from '../../core/har/write.ts';
import { testIds } from '../testids.ts';
import { downloadText } from './download.ts';
import type { PanelStore } from './store.ts';

/** Every retained error's exchange, oldest first, with what was decoded from it. */
function retained(store: PanelStore): HarExportItem[] {
  const items: HarExportItem[] = [];
  for (const entry of store.entries.value) if (entry.kind === 'error') items.push({ exchange: entry.exchange, error: entry.error });
  return items;
}

interface ExportHarProps {
  readonly store: PanelStore;
  readonly includeSecrets: boolean;
  readonly onIncludeSecrets: (include: boolean) => void;
}

/** "Export HAR" for the toolbar: redacted unless the user ticks "with secrets" right beside it. */
export function ExportHar({ store, includeSecrets, onIncludeSecrets }: ExportHarProps) {
  const count = store.errorCount.value;
  const onExport = (): void => {
    const har = buildHar(retained(store), { version, includeSecrets });
    downloadText(harFileName(Date.now()), JSON.stringify(har, null, 2), 'application/json');
  };
  return (
    <span class="fl-inline">
      <button
        type="button"
        class="fl-button"
        data-testid={testIds.exportHarButton}
        disabled={count === 0}
        title={`Download the ${count} retained errors as a HAR file${includeSecrets ? ', secrets included' : ' (Authorization, cookies, API keys and tokens redacted)'}`}
        onClick={onExport}
      >
        Export HAR
      </button>
      <label class="fl-inline" title="Keep Authorization, cookies, API keys and tokens in the exported HAR">
        <input type="checkbox" data-testid={testIds.exportHarSecretsToggle} checked={includeSecrets} onChange={(e) => onIncludeSecrets(e.currentTarget.checked)} />
        with secrets
      </label>
    </span>
  );
}
