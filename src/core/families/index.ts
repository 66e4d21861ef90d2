import type { Family } from './family.ts';
import { standardsAndPlatforms } from './standards-and-platforms.ts';
import { frameworksAndVendors } from './frameworks-and-vendors.ts';

/** Every family, in recognition order. */
export const families: readonly Family[] = [...standardsAndPlatforms, ...frameworksAndVendors].sort((a, b) => a.order - b.order);

/** The families tried on 1xx–3xx bodies. */
export const successFamilies: readonly Family[] = families.filter((f) => f.successHints !== undefined);
