import { createIngest, type Ingest, type IngestOptions } from './ingest.ts';
import { createViewState, type ViewState } from './view-state.ts';

export { DEFAULT_MAX_ERRORS, DEFAULT_RENDER_EVERY_MS, MAX_BATCH_EXCHANGES } from './ingest.ts';

export type PanelStoreOptions = IngestOptions;

/** The panel's state in one place: what came in (ingest.ts) and what the user made of it (view-state.ts). */
export interface PanelStore extends Ingest, ViewState {}

/** The UI only reads signals; Clear empties the timeline and forgets the selection with it. */
export function createPanelStore(options: PanelStoreOptions): PanelStore {
  const ingest = createIngest(options);
  const view = createViewState(ingest.entries, ingest.observations);
  return {
    ...ingest,
    ...view,
    clear() {
      ingest.clear();
      view.reset();
    },
  };
}
