import type { RetryKind } from '../../core/catalog/index.ts';

export const retryKindLabels: Readonly<Record<RetryKind, string>> = {
  yes: 'retry',
  'after-delay': 'retry after a delay',
  conditional: 'retry depends on the cause',
  no: "don't retry",
};
