import { describe, expect, it } from 'vitest';
import { lpWorkerApi } from '../../../src/workers/lp-api';

const WORKED = 'Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n';

describe('the LP worker api', () => {
  it('reads, solves and writes a model, all as results', async () => {
    const model = lpWorkerApi.parse(WORKED);
    if (!model.ok) throw new Error(model.error.message);
    const solved = await lpWorkerApi.solve(model.value, { timeLimitSeconds: 10 });
    expect(solved.ok && solved.value.status).toBe('optimal');
    expect(solved.ok && solved.value.objective).toBeCloseTo(10000, 6);
    const text = lpWorkerApi.write(model.value);
    expect(text.ok && lpWorkerApi.parse(text.value)).toEqual(model);
  });

  it('gives the line of a mistake as a result, not a throw', () => {
    const model = lpWorkerApi.parse('Maximize\n obj: x\nSubject To\n c: x +\nEnd\n');
    expect(model.ok ? null : model.error).toMatchObject({ code: 'LP_PARSE', params: { line: 4 } });
  });

  it('turns an unexpected failure into INTERNAL', async () => {
    const solved = await lpWorkerApi.solve(null as never);
    expect(solved.ok ? null : solved.error.code).toBe('INTERNAL');
  });
});
