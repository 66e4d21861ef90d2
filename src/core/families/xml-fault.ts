/**
 * Faults of the XML RPC protocols: SOAP 1.1 (`<Fault><faultcode>…</faultcode><faultstring>…`), SOAP 1.2
 * (`<Fault><Code><Value>…</Value><Subcode>…</Subcode></Code><Reason><Text>…`), any namespace prefix, and
 * XML-RPC (`<methodResponse><fault><value><struct>` with `faultCode` and `faultString` members, sent with
 * HTTP 200). Sources: W3C SOAP 1.1 note section 4.4, SOAP 1.2 Part 1 section 5.4, the XML-RPC specification.
 */
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { xmlFaultSuccessHints } from './xml-fault-hints.ts';
import { elementInner, elementText, findElement, markupText } from './markup.ts';

/** An element name with any namespace prefix, as a pattern for findElement. */
const prefixed = (local: string): string => `(?:[\\w.-]+:)?${local}`;

/** A faultstring that only says a fault happened ("Soap Server error.", "Server error", "Internal Error"). */
const GENERIC_FAULT = /^(?:(?:soap|internal|server|service|system|application|general|unknown|unexpected|an?)\s+){0,3}(?:error|fault|exception)(?:\s+occurred)?\.?$/i;

/**
 * A leaf element of a fault's detail whose name says it holds the explanation (`<Message>`, `<ns:Description>`,
 * `<errorMessage>`, `<e:mydetails>`).
 */
const DETAIL_SENTENCE = /<((?:[\w.-]+:)?[\w.-]{0,40}?(?:message|description|desc|reason|text|details?))(?:\s[^<>]{0,500})?>([^<]{1,2000})<\/\1\s*>/gi;

/**
 * The first human sentence in the fault's `<detail>` (SOAP 1.1) or `<Detail>` (SOAP 1.2), for when the fault
 * string itself is generic: servers such as OpenText iHub put the real reason in `detail/Description/Message`.
 */
function detailSentence(fault: string): string | null {
  const detail = elementInner(fault, prefixed('[dD]etail')) ?? '';
  for (const found of detail.slice(0, 64 * 1024).matchAll(DETAIL_SENTENCE)) {
    const sentence = markupText(found[2] ?? '');
    if (/\s/.test(sentence) && /\p{L}/u.test(sentence)) return sentence;
  }
  return null;
}

/** The fault's message, unless it is generic (or only repeats the fault code) and the detail explains it. */
function faultMessage(fault: string, message: string | null, code: string | null): string | null {
  return message === null || message === code || GENERIC_FAULT.test(message) ? (detailSentence(fault) ?? message) : message;
}

function soap(fault: string): FamilyMatch | null {
  const code11 = elementText(fault, 'faultcode', { caseSensitive: true });
  const message11 = elementText(fault, 'faultstring', { caseSensitive: true });
  if (code11 !== null || message11 !== null) return { family: 'xml-fault', strength: 3, fields: { code: code11, message: faultMessage(fault, message11, code11) } };
  const code = elementInner(fault, prefixed('Code'), { caseSensitive: true });
  const value = code === null ? null : elementText(code, prefixed('Value'), { caseSensitive: true });
  const subcode = code === null ? null : elementInner(code, prefixed('Subcode'), { caseSensitive: true });
  const reason = elementInner(fault, prefixed('Reason'), { caseSensitive: true });
  const text = reason === null ? null : elementText(reason, prefixed('Text'), { caseSensitive: true });
  if (value === null && text === null) return null;
  return {
    family: 'xml-fault',
    strength: 3,
    fields: { code: value, subcode: subcode === null ? null : elementText(subcode, prefixed('Value'), { caseSensitive: true }), message: faultMessage(fault, text, value) },
  };
}

/** An XML-RPC fault struct member's value by its name (`faultCode`, `faultString`). */
function member(struct: string, name: string): string | null {
  let from = 0;
  for (let i = 0; i < 20; i++) {
    const found = findElement(struct, 'member', { caseSensitive: true, from });
    if (found === null) return null;
    if (elementText(found.inner, 'name', { caseSensitive: true }) === name) {
      const value = elementInner(found.inner, 'value', { caseSensitive: true });
      return value === null ? null : markupText(value) || null;
    }
    from = found.end;
  }
  return null;
}

function xmlRpc(source: string): FamilyMatch | null {
  const fault = elementInner(source, 'fault', { caseSensitive: true });
  if (fault === null) return null;
  const code = member(fault, 'faultCode');
  const message = member(fault, 'faultString');
  return code === null && message === null ? null : { family: 'xml-fault', strength: 3, fields: { code, message } };
}

function match(view: BodyView): FamilyMatch | null {
  if (view.json !== undefined || !/^\s*</.test(view.text)) return null;
  const source = view.text.slice(0, 256 * 1024);
  const fault = elementInner(source, prefixed('Fault'), { caseSensitive: true });
  return (fault === null ? null : soap(fault)) ?? xmlRpc(source);
}

export const xmlFault = { id: 'xml-fault', order: 4, successHints: xmlFaultSuccessHints, match } as const satisfies Family;
