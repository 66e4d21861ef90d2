import type { CatalogEntry } from './types.ts';
import { httpStatuses } from './data/http-statuses.ts';
import { hostupCodes } from './data/hostup.ts';
import { gpuOutletCodes } from './data/gpu-outlet.ts';
import { restoreHubStatuses } from './data/restore-hub.ts';
import { pterodactylCodes, pterodactylStatuses } from './data/pterodactyl.ts';
import { discordCodes } from './data/discord.ts';
import { grpcCodes } from './data/grpc.ts';
import { stripeCodes } from './data/stripe.ts';
import { awsCodes } from './data/aws.ts';
import { oauthCodes } from './data/oauth.ts';
import { graphqlCodes } from './data/graphql.ts';
import { slackCodes } from './data/slack.ts';
import { jsonRpcCodes } from './data/jsonrpc.ts';
import { kubernetesCodes } from './data/kubernetes.ts';
import { matrixCodes } from './data/matrix.ts';
import { aiApiCodes } from './data/ai-apis.ts';
import { cloudflareCodes } from './data/cloudflare.ts';

/**
 * Every catalog entry, in the order lookup() breaks ties: HTTP first, then the seed APIs, then the
 * generic vendor and protocol catalogs.
 */
export const catalogEntries: readonly CatalogEntry[] = [
  ...httpStatuses,
  ...hostupCodes,
  ...pterodactylStatuses,
  ...pterodactylCodes,
  ...restoreHubStatuses,
  ...discordCodes,
  ...gpuOutletCodes,
  ...grpcCodes,
  ...stripeCodes,
  ...awsCodes,
  ...oauthCodes,
  ...graphqlCodes,
  ...slackCodes,
  ...jsonRpcCodes,
  ...kubernetesCodes,
  ...matrixCodes,
  ...aiApiCodes,
  ...cloudflareCodes,
];
