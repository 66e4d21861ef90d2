import { describe, expect, it } from 'vitest';
import { drf } from './drf.ts';
import { bodyView } from './test-view.ts';

describe('Django REST Framework', () => {
  it('reads nested serializer errors and many=True lists', () => {
    const match = drf.match(bodyView('{"address":{"city":["This field is required."]},"items":[{},{"qty":["Ensure this value is greater than 0."]}]}'));
    expect(match?.fields.fieldErrors).toEqual([
      { path: '/address/city', message: 'This field is required.' },
      { path: '/items/1/qty', message: 'Ensure this value is greater than 0.' },
    ]);
    expect(match?.strength).toBe(1);
  });

  it('reads a bare list of messages', () => {
    expect(drf.match(bodyView('["Not allowed."]'))?.fields.message).toBe('Not allowed.');
  });

  it('does not take maps with non-message values or problem documents', () => {
    expect(drf.match(bodyView('{"email":["x"],"count":3}'))).toBeNull();
    expect(drf.match(bodyView('{"message":"x"}'))).toBeNull();
    expect(drf.match(bodyView('{"detail":"x","title":"Bad","status":400}'))).toBeNull();
  });

  it('stops at the depth limit', () => {
    const deep = `${'{"a":'.repeat(1000)}["x"]${'}'.repeat(1000)}`;
    expect(drf.match(bodyView(deep))).toBeNull();
  });
});
