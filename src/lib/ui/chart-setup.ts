/**
 * The parts of chart.js our charts use, registered once. Loaded with import() by
 * ChartCanvas, so chart.js stays out of the first chunk; naming the parts here (instead of
 * reading them off the whole module) lets the bundler drop the rest of chart.js.
 */
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip } from 'chart.js';

// Filler fills between lines: the forecast's prediction bands. Scatter: observed (price,
// quantity) points under a fitted demand curve.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, ScatterController, CategoryScale, LinearScale, Tooltip, Legend, Filler);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || Chart.defaults.font.family;
Chart.defaults.color = '#5b6270';

export { Chart };
