import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pricingSamples } from '../../../scripts/make-pricing-samples';

describe('the illustrative pricing samples', () => {
  it('are exactly what their seeded generator writes', () => {
    for (const [name, text] of Object.entries(pricingSamples())) {
      expect(readFileSync(resolve('public/samples', name), 'utf8'), name).toBe(text);
    }
  });
});
