/**
 * Writes the two illustrative pricing samples in public/samples from a fixed seed, so they
 * can be made again and checked: price tests of a software add-on (price and licences sold
 * per month and segment) and a Van Westendorp price survey. The numbers are generated, not
 * observed; the app labels them as illustrative.
 *
 * Run: node --import tsx scripts/make-pricing-samples.ts
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRng, type Rng } from '../src/core/shared/rng';

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

function priceTests(rng: Rng): string {
  const rows = ['month,segment,list_price,licences_sold'];
  // Small firms: a straight-line demand, Q = 820 − 9.5 P. Mid-market: constant elasticity,
  // Q = 2,400,000 · P^−1.8. Prices move between tests as a price team would move them.
  const smallPrices = [39, 45, 49, 55, 59, 65, 69, 35, 42, 52, 62, 47, 57, 67, 44, 54, 64, 38, 50, 60];
  const midPrices = [49, 55, 59, 65, 69, 75, 79, 85, 89, 52, 62, 72, 82, 58, 68, 78, 88, 45, 66, 76];
  for (let i = 0; i < 20; i++) {
    const month = `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const p = smallPrices[i];
    const small = Math.max(0, Math.round(820 - 9.5 * p + 22 * normal(rng)));
    rows.push(`${month},Small firms,${p},${small}`);
    const q = midPrices[i];
    const mid = Math.max(0, Math.round(2_400_000 * q ** -1.8 * Math.exp(0.06 * normal(rng))));
    rows.push(`${month},Mid-market,${q},${mid}`);
  }
  return rows.join('\n') + '\n';
}

function priceSurvey(rng: Rng): string {
  const rows = ['respondent,segment,too_cheap,cheap,expensive,too_expensive'];
  const roundTo5 = (x: number) => Math.max(5, Math.round(x / 5) * 5);
  for (let i = 1; i <= 160; i++) {
    const segment = rng.next() < 0.6 ? 'Small firms' : 'Mid-market';
    // Each respondent's sense of a fair price, spread log-normally around 55 (small) or 70.
    const centre = (segment === 'Small firms' ? 55 : 70) * Math.exp(0.25 * normal(rng));
    const answer = (ratio: number) => roundTo5(centre * ratio * Math.exp(0.08 * normal(rng)));
    let cells = [answer(0.45), answer(0.72), answer(1.3), answer(1.75)].map(String);
    // As in real surveys: a few answers out of order (columns mixed up) and a few left blank.
    if (i % 37 === 0) cells = [cells[2], cells[1], cells[0], cells[3]];
    if (i % 53 === 0) cells[3] = '';
    rows.push(`R${String(i).padStart(3, '0')},${segment},${cells.join(',')}`);
  }
  return rows.join('\n') + '\n';
}

/** The two files' text, always the same. */
export function pricingSamples(): { 'price-tests.csv': string; 'price-survey.csv': string } {
  const rng = createRng(20261127);
  return { 'price-tests.csv': priceTests(rng.fork(1)), 'price-survey.csv': priceSurvey(rng.fork(2)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, text] of Object.entries(pricingSamples())) writeFileSync(`public/samples/${name}`, text);
}
