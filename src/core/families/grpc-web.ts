/**
 * gRPC and gRPC-Web status carried in response headers: trailers-only
 * responses put `grpc-status` (decimal code) and `grpc-message` (percent-encoded UTF-8) in the header
 * block, and `grpc-retry-pushback-ms` tells when (or whether) to retry.
 */
import * as z from 'zod/mini';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { grpcWebSuccessHints } from './grpc-web-hints.ts';

/** google/rpc/code.proto names, indexed by code. */
const CODE_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

/** The status headers, as the protocol defines them: a decimal code without leading zeros. */
const GrpcStatus = z.object({
  status: z.string().check(z.regex(/^(?:0|[1-9]\d{0,9})$/)),
  message: z.optional(z.string()),
  pushback: z.optional(z.string()),
});

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * Percent-decodes `grpc-message`. The spec tells decoders not to fail on bad encodings a `%`
 * not followed by two hex digits stays as it is, and invalid UTF-8 becomes U+FFFD.
 */
export function decodeGrpcMessage(raw: string): string {
  if (!raw.includes('%')) return raw;
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === '%' ? raw.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      const codePoint = raw.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(codePoint);
      bytes.push(...encoder.encode(char));
      i += char.length - 1;
    }
  }
  return utf8.decode(new Uint8Array(bytes));
}

/** Pushback ≥ 0 is a delay in ms; negative or garbled means "do not retry". */
function readPushback(raw: string | undefined): { retryDelayMs: number | null; notRetryable: boolean } {
  if (raw === undefined) return { retryDelayMs: null, notRetryable: false };
  const trimmed = raw.trim();
  return /^\d{1,9}$/.test(trimmed) ? { retryDelayMs: Number(trimmed), notRetryable: false } : { retryDelayMs: null, notRetryable: true };
}

function match(view: BodyView): FamilyMatch | null {
  const status = view.headers.get('grpc-status');
  if (status === undefined) return null;
  const parsed = GrpcStatus.safeParse({
    status: status.trim(),
    message: view.headers.get('grpc-message'),
    pushback: view.headers.get('grpc-retry-pushback-ms'),
  });
  if (!parsed.success || parsed.data.status === '0') return null;
  const number = Number(parsed.data.status);
  const message = parsed.data.message === undefined ? '' : decodeGrpcMessage(parsed.data.message).trim();
  return {
    family: 'grpc-web',
    strength: view.mime.startsWith('application/grpc') ? 3 : 2,
    fields: {
      code: CODE_NAMES[number] ?? parsed.data.status,
      message: message === '' ? null : message,
      ...readPushback(parsed.data.pushback),
    },
  };
}

/** gRPC reports failures with HTTP 200 and a non-zero grpc-status, so it is tried on 2xx responses too. */
export const grpcWeb = { id: 'grpc-web', order: 1, successHints: grpcWebSuccessHints, match } as const satisfies Family;
