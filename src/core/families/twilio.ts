/**
 * Twilio: the 2010 REST API
 * `{code: 20404, message, more_info: "https://www.twilio.com/docs/errors/20404", status: 404}` and the
 * newer product APIs' `{errors: [{code, message, infoUrl}]}`.
 */
import * as z from 'zod/mini';
import { isRecord, prop } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf } from './lenient.ts';

const Classic = z.object({ code: z.number().check(z.int()), message: z.string(), more_info: z.string(), status: z.optional(z.unknown()) });
const ListItem = z.object({ code: z.number().check(z.int()), message: z.string(), infoUrl: z.string() });
const List = z.object({ errors: listOf(ListItem) });

/** 20429 "Too Many Requests": documented as never processed, so always safe to retry. */
const TOO_MANY_REQUESTS = 20429;

/** Twilio names itself in a response header or in its docs links; either is as good as a media type. */
function saysTwilio(view: BodyView, docsUrl: string): boolean {
  if (view.headers.has('twilio-request-id')) return true;
  try {
    const host = new URL(docsUrl).hostname;
    return host === 'twilio.com' || host.endsWith('.twilio.com');
  } catch {
    return false;
  }
}

function matched(view: BodyView, code: number, message: string, docsUrl: string): FamilyMatch {
  return {
    family: 'twilio',
    strength: saysTwilio(view, docsUrl) ? 3 : 2,
    fields: {
      code: String(code),
      message: firstText(message),
      docsUrl,
      requestId: firstText(view.headers.get('twilio-request-id')),
      throttled: code === TOO_MANY_REQUESTS,
    },
  };
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json)) return null;
  if (Object.hasOwn(json, 'more_info')) {
    const classic = Classic.safeParse(json);
    return classic.success ? matched(view, classic.data.code, classic.data.message, classic.data.more_info) : null;
  }
  if (!Array.isArray(prop(json, 'errors'))) return null;
  const first = List.safeParse(json).data?.errors?.[0];
  return first === undefined ? null : matched(view, first.code, first.message, first.infoUrl);
}

export const twilio = { id: 'twilio', order: 130, match } as const satisfies Family;
