/** How a success response may hold an XML fault (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/** A SOAP `<Fault>` (any prefix) or an XML-RPC `<fault>`, which XML-RPC sends with HTTP 200. */
export const xmlFaultSuccessHints: SuccessHints = { body: /<(?:[\w.-]+:)?[Ff]ault[\s>]/ };
