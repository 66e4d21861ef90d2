import { captureMatrix } from '../support/capture-matrix.ts';
import { openFirefoxLab } from '../support/lab-sessions.ts';

/**
 * The capture matrix in Firefox ESR with the Network panel's Persist Logs on, as the panel's help
 * advises for requests the navigation overtakes (an error just before a redirect, sendBeacon).
 */
captureMatrix(() => openFirefoxLab(true));
