/** Shopify REST's leaky bucket: `X-Shopify-Shop-Api-Call-Limit: 32/40` = used/size, no reset. */
import { makeReading, type Dialect, type DialectReader } from '../reading.ts';
import { parseDecimal } from '../values.ts';

const readShopify: DialectReader = ({ headers }) => {
  const [used, size, ...rest] = (headers.get('x-shopify-shop-api-call-limit') ?? '').split('/');
  if (rest.length > 0) return [];
  const usedCount = parseDecimal(used);
  const bucketSize = parseDecimal(size);
  if (usedCount === null || bucketSize === null) return [];
  const reading = makeReading({
    dialect: 'shopify',
    limit: bucketSize,
    remaining: Math.max(bucketSize - usedCount, 0),
    reset: null,
    resetSource: 'reset-header',
  });
  return reading === null ? [] : [reading];
};

export const shopify: Dialect = { names: /^x-shopify-shop-api-call-limit$/, read: readShopify };
