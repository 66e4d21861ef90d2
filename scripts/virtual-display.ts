import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * A virtual X display (Xvfb) for `npm start` on a machine without one: the browser opens on it as it
 * would on a desktop, sized to the window, and stays reachable (screenshots, x11vnc).
 */
export interface VirtualDisplay {
  /** `:99`, for DISPLAY. */
  readonly display: string;
  stop(): void;
}

const START_TIMEOUT_MS = 10_000;

/** Starts Xvfb on a free display number (Xvfb picks it and reports it on fd 3), with a screen of `width`×`height`. */
export function startVirtualDisplay(width: number, height: number): Promise<VirtualDisplay> {
  const child: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    let number = '';
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`Xvfb did not start (${why})${stderr.trim() === '' ? '' : `: ${stderr.trim().split('\n').slice(-3).join(' | ')}`}`));
    };
    const timer = setTimeout(() => fail(`no display after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`it exited with code ${String(code)}`));
    (child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
      number += chunk;
      if (!number.includes('\n')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ display: `:${number.trim()}`, stop: () => child.kill('SIGTERM') });
    });
  });
}
