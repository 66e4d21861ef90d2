import { useRef } from 'preact/hooks';
import { testIds } from '../testids.ts';
import type { HarImport } from './har-import.ts';

/** "Open HAR…" for the toolbar: a file picker for .har files (dropping one on the panel does the same). */
export function OpenHar({ harImport }: { harImport: HarImport }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class="fl-button"
        data-testid={testIds.openHarButton}
        disabled={harImport.loading.value}
        title="Open a HAR file (from DevTools' Network panel, a colleague, or Export HAR) in its own session; you can also drop it on the panel"
        onClick={() => input.current?.click()}
      >
        Open HAR…
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,application/json"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = ''; // the same file can be opened again
          if (file !== undefined) void harImport.open(file);
        }}
      />
    </>
  );
}
