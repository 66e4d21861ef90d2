/**
 * gRPC / Connect / Google status codes and their default retry advice (envelopes.md §D4, AIP-194).
 * Google bodies carry the enum name (`RESOURCE_EXHAUSTED`), Connect the lower-case name (`canceled`
 * with one "l"), gRPC-Web the number.
 */
import type { FamilyId } from '../model.ts';

/** How a code decides retrying: never, with backoff, from the top of the transaction, or only with a server delay. */
export type GrpcRetry = 'no' | 'backoff' | 'transaction' | 'with-delay';

export interface GrpcCode {
  readonly name: string;
  readonly retry: GrpcRetry;
  /** Guidance specific to the code; when absent, the status guidance applies. */
  readonly guidance?: string;
}

const CODES: readonly GrpcCode[] = [
  { name: 'OK', retry: 'no' },
  { name: 'CANCELLED', retry: 'no', guidance: 'The call was cancelled, usually by the caller (closed tab, aborted fetch, deadline upstream); repeat it only if the cancel was unintended.' },
  { name: 'UNKNOWN', retry: 'no', guidance: 'The server failed with an unknown error (UNKNOWN): report it with the request id rather than retrying automatically.' },
  { name: 'INVALID_ARGUMENT', retry: 'no' },
  { name: 'DEADLINE_EXCEEDED', retry: 'no', guidance: 'The deadline expired before the call finished (DEADLINE_EXCEEDED) and it may still have taken effect: check the state first, then retry with a longer deadline.' },
  { name: 'NOT_FOUND', retry: 'no' },
  { name: 'ALREADY_EXISTS', retry: 'no', guidance: 'The resource already exists (ALREADY_EXISTS): fetch and use it instead of creating it again.' },
  { name: 'PERMISSION_DENIED', retry: 'no' },
  { name: 'RESOURCE_EXHAUSTED', retry: 'with-delay' },
  { name: 'FAILED_PRECONDITION', retry: 'no', guidance: 'The system is not in the state this call requires (FAILED_PRECONDITION): fix that state first; retrying as is fails again.' },
  { name: 'ABORTED', retry: 'transaction', guidance: 'The operation was aborted by a concurrency conflict (ABORTED): restart the whole read-modify-write transaction, not just this call.' },
  { name: 'OUT_OF_RANGE', retry: 'no', guidance: 'A value is past the valid range (OUT_OF_RANGE), e.g. reading past the end: stop or adjust the offset instead of retrying.' },
  { name: 'UNIMPLEMENTED', retry: 'no', guidance: 'The server does not implement this method (UNIMPLEMENTED): check the method name, API version and endpoint.' },
  { name: 'INTERNAL', retry: 'no', guidance: 'The server hit an internal error (INTERNAL): report it with the request id; AIP-194 advises against automatic retries.' },
  { name: 'UNAVAILABLE', retry: 'backoff', guidance: 'The service is temporarily unavailable (UNAVAILABLE), the one gRPC code that is safe to retry.' },
  { name: 'DATA_LOSS', retry: 'no', guidance: 'The server reports unrecoverable data loss (DATA_LOSS): stop and report it with the request id.' },
  { name: 'UNAUTHENTICATED', retry: 'no' },
];

const BY_NAME = new Map(CODES.map((code) => [code.name, code]));
const GRPC_FAMILIES: ReadonlySet<FamilyId> = new Set(['google', 'google-legacy', 'connect', 'grpc-web']);

function lookupOne(value: string | null, format: FamilyId): GrpcCode | null {
  if (value === null) return null;
  if (format === 'grpc-web' && /^\d{1,2}$/.test(value)) return CODES[Number(value)] ?? null;
  const name = value.toUpperCase() === 'CANCELED' ? 'CANCELLED' : value.toUpperCase();
  return BY_NAME.get(name) ?? null;
}

/** The gRPC status named by a code or subcode of a Google, Connect or gRPC-Web error, or null. */
export function grpcCodeOf(format: FamilyId, code: string | null, subcode: string | null): GrpcCode | null {
  if (!GRPC_FAMILIES.has(format)) return null;
  return lookupOne(code, format) ?? lookupOne(subcode, format);
}
