import type { CatalogEntry } from '../types.ts';
import { codeEntries, type CodeRow } from '../define.ts';

/**
 * The 16 canonical codes of google.rpc.Code (envelopes.md §D4), written once in UPPER_SNAKE (Google
 * JSON `status`, gRPC) and derived in Connect's lower-case spelling (which spells CANCELLED `canceled`).
 */
const canonical: readonly CodeRow[] = [
  { key: 'CANCELLED', status: 499, title: 'Cancelled', category: 'Client closed', retry: 'no', meaning: 'The caller cancelled the operation (gRPC code 1).', advice: 'Nothing failed on the server; do not retry unless the cancellation was unintended.' },
  { key: 'UNKNOWN', status: 500, title: 'Unknown error', category: 'Server error', retry: 'no', meaning: 'An error the server could not classify (gRPC code 2).', advice: 'Surface the message; do not auto-retry.' },
  { key: 'INVALID_ARGUMENT', status: 400, title: 'Invalid argument', category: 'Validation', retry: 'no', meaning: 'The request has an invalid argument regardless of system state; BadRequest details list the fields (gRPC code 3).', advice: 'Fix the fields named in the field violations and resend.' },
  { key: 'DEADLINE_EXCEEDED', status: 504, title: 'Deadline exceeded', category: 'Timeout', retry: 'conditional', meaning: 'The deadline expired before the operation finished; it may still have completed (gRPC code 4).', advice: 'Do not auto-retry: check whether the operation took effect, then retry with a longer deadline.' },
  { key: 'NOT_FOUND', status: 404, title: 'Not found', category: 'Not found', retry: 'no', meaning: 'The requested entity does not exist (gRPC code 5).', advice: 'Check the resource name; do not retry.' },
  { key: 'ALREADY_EXISTS', status: 409, title: 'Already exists', category: 'Conflict', retry: 'no', meaning: 'The entity the request tried to create already exists (gRPC code 6).', advice: 'Use the existing resource or pick another name; do not retry.' },
  { key: 'PERMISSION_DENIED', status: 403, title: 'Permission denied', category: 'Permission', retry: 'no', meaning: 'The caller lacks permission; ErrorInfo.reason often names why (gRPC code 7).', advice: 'Grant the missing IAM role or enable the API for the project; do not retry.' },
  { key: 'RESOURCE_EXHAUSTED', status: 429, title: 'Resource exhausted', category: 'Rate limit', retry: 'conditional', meaning: 'A quota or rate limit is used up (per-minute rate limit, daily quota, or out of space) (gRPC code 8).', advice: 'Retry only after the RetryInfo delay when one is given; a daily or project quota will not clear soon, so request more quota instead.' },
  { key: 'FAILED_PRECONDITION', status: 400, title: 'Failed precondition', category: 'Precondition', retry: 'no', meaning: 'The system is not in the state the operation needs (e.g. deleting a non-empty directory) (gRPC code 9).', advice: 'Fix the state first, then retry.' },
  { key: 'ABORTED', status: 409, title: 'Aborted', category: 'Conflict', retry: 'conditional', meaning: 'A concurrency conflict such as a transaction abort or sequencer check failure (gRPC code 10).', advice: 'Retry the whole read-modify-write transaction from the start.' },
  { key: 'OUT_OF_RANGE', status: 400, title: 'Out of range', category: 'Validation', retry: 'no', meaning: 'The operation went past the valid range (e.g. reading past end of file) (gRPC code 11).', advice: 'Stay within the valid range; do not retry.' },
  { key: 'UNIMPLEMENTED', status: 501, title: 'Unimplemented', category: 'Method', retry: 'no', meaning: 'The method is not implemented or not enabled (gRPC code 12).', advice: 'Check the method name and API version; do not retry.' },
  { key: 'INTERNAL', status: 500, title: 'Internal error', category: 'Server error', retry: 'no', meaning: 'A broken invariant inside the server (gRPC code 13).', advice: 'Surface it and report it with the request ID; do not auto-retry.' },
  { key: 'UNAVAILABLE', status: 503, title: 'Unavailable', category: 'Unavailable', retry: 'yes', meaning: 'The service is temporarily unavailable; the one code meant to be retried (gRPC code 14).', advice: 'Retry with exponential backoff and jitter.' },
  { key: 'DATA_LOSS', status: 500, title: 'Data loss', category: 'Server error', retry: 'no', meaning: 'Unrecoverable data loss or corruption (gRPC code 15).', advice: 'Do not retry; report it immediately.' },
  { key: 'UNAUTHENTICATED', status: 401, title: 'Unauthenticated', category: 'Authentication', retry: 'no', meaning: 'The request has no valid credentials (gRPC code 16).', advice: 'Refresh or supply credentials, then retry.' },
];

const connectSpelling = (key: string): string => (key === 'CANCELLED' ? 'canceled' : key.toLowerCase());

export const grpcCodes: readonly CatalogEntry[] = [
  ...codeEntries({
    api: 'gRPC / Google',
    families: ['google', 'google-legacy', 'grpc-web'],
    docsUrl: () => 'https://google.aip.dev/193',
    rows: canonical,
  }),
  ...codeEntries({
    api: 'Connect',
    families: ['connect'],
    docsUrl: () => 'https://connectrpc.com/docs/protocol#error-codes',
    rows: canonical.map((row) => ({ ...row, key: connectSpelling(row.key) })),
  }),
];
