import { writeFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws public/icons/icon-{16,32,48,128}.png: a red rounded square crossed by a white fault line.
 * Run `npx tsx scripts/draw-icons.ts` after changing the drawing. Each size is drawn at its own
 * resolution (not scaled down from the largest), antialiased by 4×4 supersampling. The 128 px icon keeps
 * the 16 px transparent margin the Chrome Web Store asks for (artwork 96 px), so it sits beside other
 * extensions' icons at the same visual size.
 */

const RED = [217, 48, 37] as const;
const WHITE = [255, 255, 255] as const;
const SAMPLES = 4;

/** Transparent margin per size, in pixels; toolbar sizes use the whole square to stay legible. */
const SIZES: readonly { readonly size: number; readonly margin: number }[] = [
  { size: 16, margin: 0 },
  { size: 32, margin: 1 },
  { size: 48, margin: 2 },
  { size: 128, margin: 16 },
];

/** The fault line, in the artwork's unit square (y down): in from the left, a drop, a jolt up, a drop. */
const LINE: readonly (readonly [number, number])[] = [
  [0.125, 0.3],
  [0.42, 0.57],
  [0.54, 0.4],
  [0.88, 0.72],
];
const CORNER_RADIUS = 0.2;
const LINE_HALF_WIDTH = 0.06;

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(CORNER_RADIUS - x, 0, x - (1 - CORNER_RADIUS));
  const dy = Math.max(CORNER_RADIUS - y, 0, y - (1 - CORNER_RADIUS));
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= CORNER_RADIUS * CORNER_RADIUS;
}

function distanceToLine(x: number, y: number): number {
  let best = Infinity;
  for (let i = 1; i < LINE.length; i++) {
    const [ax, ay] = LINE[i - 1] ?? [0, 0];
    const [bx, by] = LINE[i] ?? [0, 0];
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    best = Math.min(best, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
  }
  return best;
}

/** RGBA rows of one icon. */
function draw(size: number, margin: number): Uint8Array {
  const art = size - 2 * margin;
  // At 16 px a 6 % stroke would be under one pixel wide: keep it at least about two.
  const halfWidth = Math.max(LINE_HALF_WIDTH, 1.1 / art);
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let shape = 0;
      let line = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px - margin + (sx + 0.5) / SAMPLES) / art;
          const y = (py - margin + (sy + 0.5) / SAMPLES) / art;
          if (!insideRoundedSquare(x, y)) continue;
          shape++;
          if (distanceToLine(x, y) <= halfWidth) line++;
        }
      }
      const at = (py * size + px) * 4;
      const white = shape === 0 ? 0 : line / shape;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round((RED[c] ?? 0) * (1 - white) + (WHITE[c] ?? 0) * white);
      pixels[at + 3] = Math.round((255 * shape) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, every row unfiltered. */
function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

for (const { size, margin } of SIZES) {
  const path = new URL(`../public/icons/icon-${size}.png`, import.meta.url);
  await writeFile(path, png(size, draw(size, margin)));
  console.log(`public/icons/icon-${size}.png`);
}
