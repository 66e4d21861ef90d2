import { describe, expect, it } from 'vitest';
import { jsonapi } from './jsonapi.ts';
import { decodeResponse } from './test-exchange.ts';

describe('jsonapi', () => {
  it('is certain when the media type says JSON:API', () => {
    const view = { status: 404, headers: new Map<string, string>(), text: '', json: { errors: [{ status: '404', title: 'Not Found' }] }, url: 'https://api.example.test/x' };
    expect(jsonapi.match({ ...view, mime: 'application/vnd.api+json' })?.strength).toBe(3);
    expect(jsonapi.match({ ...view, mime: 'application/json' })?.strength).toBe(2);
  });

  it('reads links.about given as a link object', () => {
    const error = decodeResponse(403, { errors: [{ status: '403', title: 'Forbidden', detail: 'No access.', links: { about: { href: 'https://api.example.org/docs/403' } } }] });
    expect(error?.format).toBe('jsonapi');
    expect(error?.docsUrl).toBe('https://api.example.org/docs/403');
  });

  it('leaves items with non-JSON:API members (GraphQL `message`, RFC 9457 `pointer`) to other families', () => {
    expect(decodeResponse(400, { errors: [{ message: 'Syntax Error', locations: [{ line: 1, column: 2 }] }] })?.format).not.toBe('jsonapi');
    expect(decodeResponse(400, { errors: [{ pointer: '#/slot', detail: 'already booked' }] })?.format).not.toBe('jsonapi');
    expect(decodeResponse(400, { data: null, errors: [{ status: '400', title: 'Bad' }] })?.format).not.toBe('jsonapi');
  });

  it('does not mistake Pterodactyl debug `source:{file,line}` for a pointer', () => {
    const error = decodeResponse(500, {
      errors: [{ code: 'QueryException', status: '500', detail: 'SQLSTATE[HY000]', source: { line: 42, file: '/app/Models/Server.php' }, meta: { trace: '#0 …' } }],
    });
    expect(error?.format).toBe('pterodactyl');
    expect(error?.fieldErrors).toEqual([]);
  });

  it('survives wrong types in every member and a huge errors array', () => {
    const wrong = decodeResponse(400, { errors: [{ status: 400, code: [], title: {}, detail: null, source: 'x', links: 7, id: true }] });
    expect(wrong?.status).toBe(400);
    const many = decodeResponse(422, { errors: Array.from({ length: 60_000 }, (_, i) => ({ status: '422', detail: 'bad', source: { pointer: `/data/${i}` } })) });
    expect(many?.format).toBe('jsonapi');
    expect(many?.fieldErrors).toHaveLength(100);
  });
});
