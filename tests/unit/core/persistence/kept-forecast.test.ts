import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isKeptForecast, KEPT_FORECAST_KIND, type KeptForecast } from '../../../../src/core/persistence/kept-forecast';

function kept(): KeptForecast {
  return {
    kind: KEPT_FORECAST_KIND,
    source: { datasetId: 'ds-1', datasetName: 'sales.csv', dateColumn: 'Month', valueColumn: 'Sales', period: 'month', how: 'sum' },
    model: 'ses',
    params: { alpha: 0.6 },
    fittedParams: [],
    seasonLength: null,
    lastPeriod: '2024-12',
    lastValue: 1200,
    periods: ['2025-01', '2025-02'],
    forecast: [1144, 1144],
    lower80: [1000, 980],
    upper80: [1288, 1308],
    lower95: [920, 900],
    upper95: [1368, 1388],
    holdoutMae: null,
    holdoutSize: null,
  };
}

describe('isKeptForecast', () => {
  it('accepts a complete record, with or without a filter and a hold-out', () => {
    expect(isKeptForecast(kept())).toBe(true);
    const filtered = { ...kept(), source: { ...kept().source, filter: { column: 'Region', equals: 'North' } }, holdoutMae: 12.5, holdoutSize: 3 };
    expect(isKeptForecast(filtered)).toBe(true);
  });

  it('accepts the history it was fitted on, when present (absent in records written before it existed)', () => {
    expect(isKeptForecast({ ...kept(), history: { periods: ['2024-11', '2024-12'], values: [1100, 1200] } })).toBe(true);
    expect('history' in kept()).toBe(false);
  });

  it('accepts the frozen v1 fixture', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/persisted/v1-kept-forecast.json', import.meta.url), 'utf8'));
    expect(isKeptForecast(fixture.value.data)).toBe(true);
  });

  it.each([
    ['another kind', { kind: 'dataset' }],
    ['an unknown model', { model: 'arima' }],
    ['an unknown weight', { params: { alpha: 0.5, delta: 0.1 } }],
    ['a weight that is not a number', { params: { alpha: '0.5' } }],
    ['an unknown fitted weight', { fittedParams: ['theta'] }],
    ['a season of 0', { seasonLength: 0 }],
    ['no periods', { periods: [], forecast: [], lower80: [], upper80: [], lower95: [], upper95: [] }],
    ['a figure too few', { upper95: [1368] }],
    ['a figure that is NaN', { forecast: [1144, NaN] }],
    ['a hold-out MAE that is not a number', { holdoutMae: 'small' }],
    ['a hold-out of 0 periods', { holdoutSize: 0 }],
    ['an unknown period', { source: { ...kept().source, period: 'decade' } }],
    ['an unknown aggregation', { source: { ...kept().source, how: 'max' } }],
    ['a broken filter', { source: { ...kept().source, filter: { column: 'Region' } } }],
    ['a history with a value too few', { history: { periods: ['2024-11', '2024-12'], values: [1200] } }],
    ['a history value that is not a number', { history: { periods: ['2024-12'], values: ['1200'] } }],
    ['a history period that is not text', { history: { periods: [202412], values: [1200] } }],
    ['a history that is not a record', { history: [1200] }],
  ])('refuses %s', (_, change) => {
    expect(isKeptForecast({ ...kept(), ...change })).toBe(false);
  });

  it('refuses what is not a record', () => {
    expect(isKeptForecast(null)).toBe(false);
    expect(isKeptForecast([kept()])).toBe(false);
    expect(isKeptForecast('kept-forecast')).toBe(false);
  });
});
