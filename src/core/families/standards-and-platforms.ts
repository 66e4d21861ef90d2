import type { Family } from './family.ts';
import { anthropic } from './anthropic.ts';
import { discord } from './discord.ts';
import { github } from './github.ts';
import { google } from './google.ts';
import { graphql } from './graphql.ts';
import { jsend } from './jsend.ts';
import { jsonapi } from './jsonapi.ts';
import { jsonrpc } from './jsonrpc.ts';
import { metaGraph } from './meta-graph.ts';
import { odata } from './odata.ts';
import { openai } from './openai.ts';
import { problemDetails } from './problem-details.ts';
import { slack } from './slack.ts';
import { stripe } from './stripe.ts';
import { twitter } from './twitter.ts';

/** RFC 9457 and variants, JSON:API (+ Pterodactyl), Google, OData, Stripe, OpenAI, Anthropic, GitHub, Discord, Slack, GraphQL, JSON-RPC, JSend, Meta, Twitter. */
export const standardsAndPlatforms = [
  problemDetails,
  jsonapi,
  google,
  odata,
  stripe,
  openai,
  anthropic,
  github,
  discord,
  slack,
  graphql,
  jsonrpc,
  jsend,
  metaGraph,
  twitter,
] as const satisfies readonly Family[];
