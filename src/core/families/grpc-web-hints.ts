/** How a success response may hold a grpc-web error, tested without parsing (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/** Trailers-only gRPC-Web errors: the status is a header. */
export const grpcWebSuccessHints: SuccessHints = { header: /^grpc-status$/ };
