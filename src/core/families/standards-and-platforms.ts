import type { Family } from './family.ts';

/** RFC 9457 and variants, JSON:API (+ Pterodactyl), Google, OData, Stripe, OpenAI, Anthropic, GitHub, Discord, Slack, GraphQL, JSON-RPC, JSend, Meta, Twitter. */
export const standardsAndPlatforms: readonly Family[] = [];
