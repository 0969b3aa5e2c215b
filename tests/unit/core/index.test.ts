import { describe, expect, it } from 'vitest';

describe('the public engine API (src/core/index.ts)', () => {
  it('exports exactly these runtime names (change this list only on purpose)', async () => {
    const core = await import('../../../src/core');
    // Sorted by UTF-16 code units: upper case before lower case.
    expect(Object.keys(core).sort()).toEqual([
      'COLUMN_TYPES',
      'HEAD_BYTES',
      'LOOP_NODES',
      'MAX_NONZEROS',
      'PLAN_STEPS',
      'PLAN_TEMPLATE_IDS',
      'aggregateSeries',
      'bayesChain',
      'bayesPosterior',
      'bayesUpdate',
      'buildAllocationModel',
      'cellText',
      'churnModelFromJson',
      'churnModelToJson',
      'columnNumbers',
      'columnStrings',
      'compareDemandFits',
      'createByteImporter',
      'createCsvImporter',
      'createPlan',
      'crossValidateChurn',
      'demandPointsFromDataset',
      'elasticityAt',
      'exponentialSmoothing',
      'fail',
      'fileRowNumber',
      'fitDemand',
      'fitForecast',
      'getColumn',
      'getNumbers',
      'getStrings',
      'iconArray',
      'learnBayes',
      'levelOf',
      'loopProgress',
      'marginalRevenue',
      'marginalRevenueCurve',
      'marginalRevenueWorking',
      'migratePlan',
      'naturalFrequencies',
      'ok',
      'openPlan',
      'optimalPrice',
      'parseCsv',
      'parseLpFormat',
      'planFileText',
      'planVariance',
      'posteriorFor',
      'priceScenarios',
      'profitAt',
      'quantityAt',
      'readPlanFile',
      'recommendPrice',
      'retypeColumn',
      'revenueAt',
      'scoreRows',
      'solveLp',
      'stepProgress',
      'summarizeColumn',
      'summarizeDataset',
      'targetAgainstForecast',
      'trainChurnModel',
      'validateLpModel',
      'validatePlan',
      'vanWestendorp',
      'vanWestendorpFromDataset',
      'writeLpFormat',
    ]);
  });

  it('parseCsv, getNumbers and getStrings are functions', async () => {
    const core = await import('../../../src/core');
    expect(typeof core.parseCsv).toBe('function');
    expect(typeof core.getNumbers).toBe('function');
    expect(typeof core.getStrings).toBe('function');
    expect(typeof core.createByteImporter).toBe('function');
    expect(typeof core.HEAD_BYTES).toBe('number');
  });

  it('lists the seven column types', async () => {
    const { COLUMN_TYPES } = await import('../../../src/core');
    expect(COLUMN_TYPES).toEqual(['number', 'integer', 'boolean', 'category', 'date', 'id', 'text']);
  });

  it('the documented parseCsv example works end to end through the public names', async () => {
    const { parseCsv, getNumbers, getStrings } = await import('../../../src/core');
    const result = parseCsv('region,sales\nNorth,10\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rowCount).toBe(1);
    expect(getStrings(result.value, 'region')).toEqual(['North']);
    expect(Array.from(getNumbers(result.value, 'sales'))).toEqual([10]);
  });
});
