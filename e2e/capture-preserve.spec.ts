import { captureMatrix } from './support/capture-matrix.ts';
import { openChromiumLab } from './support/lab-sessions.ts';

/**
 * The capture matrix in Chromium with the Network panel's Preserve log on, as the panel's help advises
 * for requests that finish after the page navigated away (sendBeacon, keepalive fetch).
 */
captureMatrix(() => openChromiumLab(true));
