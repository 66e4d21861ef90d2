import type { Family } from './family.ts';
import { standardsAndPlatforms } from './standards-and-platforms.ts';
import { frameworksAndVendors } from './frameworks-and-vendors.ts';

type Registered = (typeof standardsAndPlatforms)[number] | (typeof frameworksAndVendors)[number];

/** The ids one family may report: its own and the sub-variants it declares. */
type IdsOf<F extends Family> = F extends { readonly variants: readonly (infer Variant extends string)[] } ? F['id'] | Variant : F['id'];

/** Every id a family of the registry reports; adding a family to one of the two lists adds its ids. */
export type RegisteredFamilyId = IdsOf<Registered>;

/** Every family, in recognition order. */
export const families: readonly Family[] = [...standardsAndPlatforms, ...frameworksAndVendors].sort((a, b) => a.order - b.order);

/** The families tried on 1xx–3xx bodies. */
export const successFamilies: readonly Family[] = families.filter((f) => f.successHints !== undefined);
