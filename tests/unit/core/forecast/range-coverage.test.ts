import { describe, expect, it } from 'vitest';
import { coverageVerdict, rangeCoverage } from '../../../../src/core/forecast/range-coverage';

describe('rangeCoverage', () => {
  const ranges = { lower80: [4, 10], upper80: [6, 12], lower95: [3, 8], upper95: [7, 14] };

  it('counts actual values inside each range, ends included', () => {
    // Origin 3: 5 is inside [4, 6] and [3, 7]; 13 is outside [10, 12] but inside [8, 14].
    // Origin 5: 6 is on the 80% range's upper end (inside); 8 is on the 95% lower end (inside) but below 10.
    const origins = [
      { origin: 3, actual: [5, 13] },
      { origin: 5, actual: [6, 8] },
    ];
    const result = rangeCoverage(origins, new Map([[3, ranges], [5, ranges]]));
    expect(result).toEqual({ count: 4, inside80: 2, inside95: 4 });
  });

  it('leaves out origins without ranges', () => {
    const origins = [
      { origin: 3, actual: [100, 100] },
      { origin: 4, actual: [5, 11] },
    ];
    expect(rangeCoverage(origins, new Map([[4, ranges]]))).toEqual({ count: 2, inside80: 2, inside95: 2 });
    expect(rangeCoverage(origins, new Map())).toEqual({ count: 0, inside80: 0, inside95: 0 });
  });
});

describe('coverageVerdict', () => {
  it('judges the shares against two binomial standard errors', () => {
    // n = 100: the 80% range's standard error is √(0.8·0.2/100) = 0.04, so 73% is as promised (72% sits on the edge) and 71% is not;
    // the 95% range's is √(0.95·0.05/100) ≈ 0.0218, so 90.6% ≤ share ≤ 99.4%.
    expect(coverageVerdict({ count: 100, inside80: 73, inside95: 95 })).toBe('as-promised');
    expect(coverageVerdict({ count: 100, inside80: 71, inside95: 95 })).toBe('narrow');
    expect(coverageVerdict({ count: 100, inside80: 80, inside95: 90 })).toBe('narrow');
    expect(coverageVerdict({ count: 100, inside80: 89, inside95: 99 })).toBe('wide');
    expect(coverageVerdict({ count: 100, inside80: 80, inside95: 100 })).toBe('wide');
  });

  it('does not judge fewer than 20 values', () => {
    expect(coverageVerdict({ count: 19, inside80: 0, inside95: 0 })).toBe('too-few');
    expect(coverageVerdict({ count: 0, inside80: 0, inside95: 0 })).toBe('too-few');
  });
});
