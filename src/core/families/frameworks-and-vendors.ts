import type { Family } from './family.ts';

/** Simple envelopes (+ seeds Restore Hub, GPU Outlet), frameworks, AWS, vendors, OAuth, HTML/text pages, generic fallback. */
export const frameworksAndVendors: readonly Family[] = [];
