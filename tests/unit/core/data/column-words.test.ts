import { describe, expect, it } from 'vitest';
import { columnWords } from '../../../../src/core/data/column-words';

describe('columnWords', () => {
  it('splits camel case and signs, in lower case, in any script', () => {
    expect(columnWords('OrderDate')).toEqual(['order', 'date']);
    expect(columnWords('Attrition_Flag')).toEqual(['attrition', 'flag']);
    expect(columnWords('list-price (EUR)')).toEqual(['list', 'price', 'eur']);
    expect(columnWords('Prévision ventes')).toEqual(['prévision', 'ventes']);
    expect(columnWords('价格_元')).toEqual(['价格', '元']);
    expect(columnWords('__')).toEqual([]);
  });
});
