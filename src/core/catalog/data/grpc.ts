import type { CatalogEntry } from '../types.ts';
import { codeEntries, type CodeRow } from '../define.ts';

/** How a code decides retrying: never, with backoff, from the top of the transaction, or only with a server delay. */
export type GrpcRetry = 'no' | 'backoff' | 'transaction' | 'with-delay';

/** A canonical code: its number (gRPC-Web sends the number) and how the advice judge retries it. */
export interface GrpcRow extends CodeRow {
  readonly number: number;
  readonly grpcRetry: GrpcRetry;
}

const RETRY_KIND: Readonly<Record<GrpcRetry, CodeRow['retry']>> = { no: 'no', backoff: 'yes', transaction: 'conditional', 'with-delay': 'conditional' };

function code(number: number, key: string, grpcRetry: GrpcRetry, status: number, title: string, category: string, meaning: string, advice: string): GrpcRow {
  return { number, key, grpcRetry, status, title, category, retry: RETRY_KIND[grpcRetry], meaning: `${meaning} (gRPC code ${number}).`, advice };
}

/**
 * The 17 codes of google.rpc.Code with their retry rule (AIP-194: only UNAVAILABLE is retried blindly), the one
 * table of them: the catalog shows it and the advice judge decides from it. Written once in UPPER_SNAKE (Google
 * JSON `status`, gRPC) and derived in Connect's lower-case spelling (which spells CANCELLED `canceled`).
 */
export const grpcCanonical: readonly GrpcRow[] = [
  code(0, 'OK', 'no', 200, 'OK', 'Success', 'Not an error', 'Nothing to do.'),
  code(1, 'CANCELLED', 'no', 499, 'Cancelled', 'Client closed', 'The caller cancelled the operation', 'The call was cancelled, usually by the caller (closed tab, aborted fetch, deadline upstream); repeat it only if the cancel was unintended.'),
  code(2, 'UNKNOWN', 'no', 500, 'Unknown error', 'Server error', 'An error the server could not classify', 'The server failed with an unknown error (UNKNOWN): report it with the request id rather than retrying automatically.'),
  code(3, 'INVALID_ARGUMENT', 'no', 400, 'Invalid argument', 'Validation', 'The request has an invalid argument regardless of system state; BadRequest details list the fields', 'An argument is invalid (INVALID_ARGUMENT): fix the fields the error names and resend.'),
  code(4, 'DEADLINE_EXCEEDED', 'no', 504, 'Deadline exceeded', 'Timeout', 'The deadline expired before the operation finished; it may still have completed', 'The deadline expired before the call finished (DEADLINE_EXCEEDED) and it may still have taken effect: check the state first, then retry with a longer deadline.'),
  code(5, 'NOT_FOUND', 'no', 404, 'Not found', 'Not found', 'The requested entity does not exist', 'The resource does not exist (NOT_FOUND): check its name; retrying will not create it.'),
  code(6, 'ALREADY_EXISTS', 'no', 409, 'Already exists', 'Conflict', 'The entity the request tried to create already exists', 'The resource already exists (ALREADY_EXISTS): fetch and use it instead of creating it again.'),
  code(7, 'PERMISSION_DENIED', 'no', 403, 'Permission denied', 'Permission', 'The caller lacks permission; ErrorInfo.reason often names why', 'The caller may not do this (PERMISSION_DENIED): grant the missing IAM role or enable the API for the project; the same call fails again.'),
  code(8, 'RESOURCE_EXHAUSTED', 'with-delay', 429, 'Resource exhausted', 'Rate limit', 'A quota or rate limit is used up (per-minute rate limit, daily quota, or out of space)', 'Retry only after the RetryInfo delay when one is given; a daily or project quota will not clear soon, so request more quota instead.'),
  code(9, 'FAILED_PRECONDITION', 'no', 400, 'Failed precondition', 'Precondition', 'The system is not in the state the operation needs (e.g. deleting a non-empty directory)', 'The system is not in the state this call requires (FAILED_PRECONDITION): fix that state first; retrying as is fails again.'),
  code(10, 'ABORTED', 'transaction', 409, 'Aborted', 'Conflict', 'A concurrency conflict such as a transaction abort or sequencer check failure', 'The operation was aborted by a concurrency conflict (ABORTED): restart the whole read-modify-write transaction, not just this call.'),
  code(11, 'OUT_OF_RANGE', 'no', 400, 'Out of range', 'Validation', 'The operation went past the valid range (e.g. reading past end of file)', 'A value is past the valid range (OUT_OF_RANGE), e.g. reading past the end: stop or adjust the offset instead of retrying.'),
  code(12, 'UNIMPLEMENTED', 'no', 501, 'Unimplemented', 'Method', 'The method is not implemented or not enabled', 'The server does not implement this method (UNIMPLEMENTED): check the method name, API version and endpoint.'),
  code(13, 'INTERNAL', 'no', 500, 'Internal error', 'Server error', 'A broken invariant inside the server', 'The server hit an internal error (INTERNAL): report it with the request id; AIP-194 advises against automatic retries.'),
  code(14, 'UNAVAILABLE', 'backoff', 503, 'Unavailable', 'Unavailable', 'The service is temporarily unavailable; the one code meant to be retried', 'The service is temporarily unavailable (UNAVAILABLE), the one gRPC code that is safe to retry.'),
  code(15, 'DATA_LOSS', 'no', 500, 'Data loss', 'Server error', 'Unrecoverable data loss or corruption', 'The server reports unrecoverable data loss (DATA_LOSS): stop and report it with the request id.'),
  code(16, 'UNAUTHENTICATED', 'no', 401, 'Unauthenticated', 'Authentication', 'The request has no valid credentials', 'The call has no valid credentials (UNAUTHENTICATED): refresh or supply them, then resend once.'),
];

/** The catalog rows: every code but OK, which is never an error. */
const canonical: readonly GrpcRow[] = grpcCanonical.filter((row) => row.number !== 0);

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
