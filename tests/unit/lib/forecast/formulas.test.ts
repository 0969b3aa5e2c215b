import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { formulaLines } from '../../../../src/lib/forecast/formulas';
import { currentLocale, setLocale } from '../../../../src/lib/i18n/i18n';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

const text = (lines: { part: string; text: string }[], part: string) => lines.find((l) => l.part === part)?.text;

describe('formulaLines', () => {
  it('writes simple exponential smoothing in the textbook form with the weight in use', () => {
    const lines = formulaLines('ses', { alpha: 0.6 }, null);
    expect(lines.map((l) => l.part)).toEqual(['forecast', 'level', 'error', 'ahead']);
    expect(text(lines, 'level')).toBe('S_t = 0.6·X_t + 0.4·S_(t−1)');
    expect(text(lines, 'forecast')).toBe('F_t = S_(t−1)');
  });

  it('rounds the weights to three decimals, the complements too', () => {
    expect(text(formulaLines('ses', { alpha: 0.09368856 }, null), 'level')).toBe('S_t = 0.094·X_t + 0.906·S_(t−1)');
  });

  it("writes Holt's level and trend equations", () => {
    const lines = formulaLines('holt', { alpha: 0.8, beta: 0.2 }, null);
    expect(text(lines, 'level')).toBe('ℓ_t = 0.8·X_t + 0.2·(ℓ_(t−1) + b_(t−1))');
    expect(text(lines, 'trend')).toBe('b_t = 0.2·(ℓ_t − ℓ_(t−1)) + 0.8·b_(t−1)');
    expect(text(lines, 'ahead')).toBe('F_(n+h) = ℓ_n + h·b_n');
  });

  it('damps the trend with φ in the damped models', () => {
    const lines = formulaLines('holt-damped', { alpha: 0.5, beta: 0.1, phi: 0.9 }, null);
    expect(text(lines, 'forecast')).toBe('F_t = ℓ_(t−1) + 0.9·b_(t−1)');
    expect(text(lines, 'trend')).toBe('b_t = 0.1·(ℓ_t − ℓ_(t−1)) + 0.9·0.9·b_(t−1)');
    expect(text(lines, 'ahead')).toBe('F_(n+h) = ℓ_n + (0.9 + 0.9² + … + 0.9^h)·b_n');
  });

  it('writes the season of Holt–Winters with its length, added or multiplied', () => {
    const additive = formulaLines('holt-winters-additive', { alpha: 0.3, beta: 0.1, gamma: 0.2 }, 12);
    expect(additive.map((l) => l.part)).toEqual(['forecast', 'level', 'trend', 'season', 'error', 'ahead']);
    expect(text(additive, 'forecast')).toBe('F_t = ℓ_(t−1) + b_(t−1) + s_(t−12)');
    expect(text(additive, 'level')).toBe('ℓ_t = 0.3·(X_t − s_(t−12)) + 0.7·(ℓ_(t−1) + b_(t−1))');
    expect(text(additive, 'season')).toBe('s_t = 0.2·(X_t − ℓ_(t−1) − b_(t−1)) + 0.8·s_(t−12)');
    const multiplicative = formulaLines('holt-winters-multiplicative-damped', { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 0.95 }, 4);
    expect(text(multiplicative, 'forecast')).toBe('F_t = (ℓ_(t−1) + 0.95·b_(t−1))·s_(t−4)');
    expect(text(multiplicative, 'level')).toBe('ℓ_t = 0.3·X_t / s_(t−4) + 0.7·(ℓ_(t−1) + 0.95·b_(t−1))');
    expect(text(multiplicative, 'season')).toBe('s_t = 0.2·X_t / (ℓ_(t−1) + 0.95·b_(t−1)) + 0.8·s_(t−4)');
  });

  it("writes the weights in the user's locale", () => {
    setLocale('de-DE');
    expect(text(formulaLines('ses', { alpha: 0.6 }, null), 'level')).toBe('S_t = 0,6·X_t + 0,4·S_(t−1)');
  });
});
