import { captureMatrix } from './support/capture-matrix.ts';
import { openChromiumLab } from './support/lab-sessions.ts';

/** The capture matrix (e2e/support/capture-matrix.ts) in real Chromium DevTools, with DevTools' settings as they come. */
captureMatrix(() => openChromiumLab(false));
