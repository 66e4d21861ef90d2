import { describe, expect, it } from 'vitest';
import { oauth } from './oauth.ts';
import { bodyView } from './test-view.ts';

describe('OAuth errors', () => {
  it('reads a Bearer challenge with escaped quotes next to another scheme', () => {
    const match = oauth.match(
      bodyView('', {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="x", Bearer realm="api", error="invalid_token", error_description="The \\"access\\" token expired"' },
      }),
    );
    expect(match).toMatchObject({ strength: 3, fields: { code: 'invalid_token', message: 'The "access" token expired', missingScope: null } });
  });

  it('does not take a challenge without an error, or one next to a body of another shape', () => {
    expect(oauth.match(bodyView('', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }))).toBeNull();
    expect(oauth.match(bodyView('{"message":"Bad credentials"}', { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } }))).toBeNull();
  });

  it('needs error_description or error_uri beside a body error (a bare error is the simple envelope)', () => {
    expect(oauth.match(bodyView('{"error":"invalid_grant"}'))).toBeNull();
    expect(oauth.match(bodyView('{"error":"invalid_scope","error_description":"Unknown scope: admin"}'))?.fields).toMatchObject({ code: 'invalid_scope', message: 'Unknown scope: admin' });
  });
});
