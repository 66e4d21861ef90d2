/**
 * The gRPC status a Google, Connect or gRPC-Web error names: looked up in the one table of canonical codes
 * (catalog/data/grpc.ts). Google bodies carry the enum name (`RESOURCE_EXHAUSTED`), Connect the lower-case name
 * (`canceled` with one "l"), gRPC-Web the number.
 */
import { grpcCanonical, type GrpcRow } from '../catalog/data/grpc.ts';
import type { FamilyId } from '../model.ts';

const BY_NAME = new Map(grpcCanonical.map((row) => [row.key, row]));
const BY_NUMBER = new Map(grpcCanonical.map((row) => [row.number, row]));
const GRPC_FAMILIES: ReadonlySet<FamilyId> = new Set(['google', 'google-legacy', 'connect', 'grpc-web']);

function lookupOne(value: string | null, format: FamilyId): GrpcRow | null {
  if (value === null) return null;
  if (format === 'grpc-web' && /^\d{1,2}$/.test(value)) return BY_NUMBER.get(Number(value)) ?? null;
  const name = value.toUpperCase() === 'CANCELED' ? 'CANCELLED' : value.toUpperCase();
  return BY_NAME.get(name) ?? null;
}

/** The gRPC status named by a code or subcode of a Google, Connect or gRPC-Web error, or null. */
export function grpcCodeOf(format: FamilyId, code: string | null, subcode: string | null): GrpcRow | null {
  if (!GRPC_FAMILIES.has(format)) return null;
  return lookupOne(code, format) ?? lookupOne(subcode, format);
}
