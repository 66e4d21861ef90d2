/** Groups of similar errors and findings about the client's behaviour, over a timeline of requests. */
export { fingerprintOf, type Fingerprint } from './fingerprint.ts';
export { urlShape, type UrlShape } from './url-template.ts';
export { groupBy, type Group } from './group.ts';
export { observe, type Observation } from './observation.ts';
export { findingsOf, type FindingsMemo } from './findings.ts';
export { SEVERITIES, severityRank, type Finding, type FindingKind, type Severity } from './types.ts';
