import { awsJson } from './aws-json.ts';
import { awsXml } from './aws-xml.ts';
import { connect } from './connect.ts';
import { drf } from './drf.ts';
import { elasticsearch } from './elasticsearch.ts';
import type { Family } from './family.ts';
import { fastapi } from './fastapi.ts';
import { fhir } from './fhir.ts';
import { genericJson } from './generic-json.ts';
import { generalInSuccess } from './general-in-success.ts';
import { grpcWeb } from './grpc-web.ts';
import { htmlPage } from './html-page.ts';
import { jira } from './jira.ts';
import { kubernetes } from './kubernetes.ts';
import { laravel } from './laravel.ts';
import { matrix } from './matrix.ts';
import { nestjs } from './nestjs.ts';
import { oauth } from './oauth.ts';
import { okta } from './okta.ts';
import { plainText } from './plain-text.ts';
import { postgrest } from './postgrest.ts';
import { salesforce } from './salesforce.ts';
import { scim } from './scim.ts';
import { shopify } from './shopify.ts';
import { simple } from './simple.ts';
import { springLegacy } from './spring-legacy.ts';
import { supabaseAuth } from './supabase-auth.ts';
import { twilio } from './twilio.ts';
import { xmlFault } from './xml-fault.ts';

/** Simple envelopes (+ seeds Restore Hub, GPU Outlet), frameworks, AWS, vendors, OAuth, HTML/text pages, generic fallback. */
export const frameworksAndVendors = [
  grpcWeb,
  connect,
  awsXml,
  xmlFault,
  htmlPage,
  plainText,
  kubernetes,
  scim,
  fhir,
  elasticsearch,
  shopify,
  laravel,
  jira,
  awsJson,
  postgrest,
  supabaseAuth,
  twilio,
  matrix,
  salesforce,
  oauth,
  okta,
  fastapi,
  drf,
  nestjs,
  springLegacy,
  simple,
  genericJson,
  generalInSuccess,
] as const satisfies readonly Family[];
