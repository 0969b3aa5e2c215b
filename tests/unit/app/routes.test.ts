import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, ROUTES, hashFor, routeFromHash } from '../../../src/app/routes';

describe('ROUTES', () => {
  it('has the data, churn, forecast and allocation screens; data is the default', () => {
    expect(ROUTES.map((r) => r.id)).toEqual(['data', 'plan', 'map', 'churn', 'forecast', 'allocation', 'pricing', 'loyalty']);
    expect(DEFAULT_ROUTE).toBe('data');
  });
});

describe('routeFromHash', () => {
  it('an empty hash is the default screen, and known (nothing was asked for)', () => {
    expect(routeFromHash('')).toEqual({ route: 'data', param: null, known: true });
  });

  it("'#' and '#/' are the default screen, known", () => {
    expect(routeFromHash('#')).toEqual({ route: 'data', param: null, known: true });
    expect(routeFromHash('#/')).toEqual({ route: 'data', param: null, known: true });
  });

  it("'#/data' is the data screen with no item", () => {
    expect(routeFromHash('#/data')).toEqual({ route: 'data', param: null, known: true });
  });

  it("'#/data/abc-123' is the data screen showing abc-123", () => {
    expect(routeFromHash('#/data/abc-123')).toEqual({ route: 'data', param: 'abc-123', known: true });
  });

  it("'#/data/' (trailing slash) has no item", () => {
    expect(routeFromHash('#/data/')).toEqual({ route: 'data', param: null, known: true });
  });

  it('an unknown screen falls back to the default and says it was not known', () => {
    expect(routeFromHash('#/nope')).toEqual({ route: 'data', param: null, known: false });
    // The item of an unknown screen is dropped too.
    expect(routeFromHash('#/nope/abc-123')).toEqual({ route: 'data', param: null, known: false });
    // Screen ids are case-sensitive.
    expect(routeFromHash('#/Data')).toEqual({ route: 'data', param: null, known: false });
  });

  it('decodes percent-encoded items', () => {
    // %20 = space, %2F = '/', %C3%A9 = 'é', %25 = '%'
    expect(routeFromHash('#/data/a%20b%2Fc')).toEqual({ route: 'data', param: 'a b/c', known: true });
    expect(routeFromHash('#/data/caf%C3%A9')).toEqual({ route: 'data', param: 'café', known: true });
    expect(routeFromHash('#/data/100%25')).toEqual({ route: 'data', param: '100%', known: true });
  });

  it("'#/churn/abc-123' is the churn screen on data set abc-123", () => {
    expect(routeFromHash('#/churn')).toEqual({ route: 'churn', param: null, known: true });
    expect(routeFromHash('#/churn/abc-123')).toEqual({ route: 'churn', param: 'abc-123', known: true });
    expect(hashFor('churn', 'abc-123')).toBe('#/churn/abc-123');
  });

  it('reads only the first segment after the screen as the item', () => {
    expect(routeFromHash('#/data/abc/extra')).toEqual({ route: 'data', param: 'abc', known: true });
  });
});

describe('hashFor', () => {
  it('writes the screen alone when there is no item', () => {
    expect(hashFor('data')).toBe('#/data');
    expect(hashFor('data', null)).toBe('#/data');
    expect(hashFor('data', '')).toBe('#/data');
  });

  it('percent-encodes the item', () => {
    expect(hashFor('data', 'abc-123')).toBe('#/data/abc-123');
    expect(hashFor('data', 'a b/c')).toBe('#/data/a%20b%2Fc');
    expect(hashFor('data', '100%')).toBe('#/data/100%25');
    expect(hashFor('data', 'café')).toBe('#/data/caf%C3%A9');
  });

  it('round-trips through routeFromHash for awkward ids', () => {
    for (const id of ['abc-123', 'a b', 'x/y/z', '#hash', '?q=1&r=2', '100%', 'café', '😀', '%2F']) {
      expect(routeFromHash(hashFor('data', id))).toEqual({ route: 'data', param: id, known: true });
    }
    expect(routeFromHash(hashFor('data'))).toEqual({ route: 'data', param: null, known: true });
  });
});
