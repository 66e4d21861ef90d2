import { captureMatrix } from '../support/capture-matrix.ts';
import { openFirefoxLab } from '../support/lab-sessions.ts';

/** The capture matrix (e2e/support/capture-matrix.ts) in the real DevTools toolbox of Firefox ESR. */
captureMatrix(openFirefoxLab);
