/** Colours of the forecast chart and its legend (one place, so the two always agree). */
export const COLORS = {
  actual: '#1a1d23',
  fitted: '#8a93a3',
  forecast: '#1d4ed8',
  band80: 'rgba(29, 78, 216, 0.28)',
  band95: 'rgba(29, 78, 216, 0.12)',
  holdoutForecast: '#b45309',
  /** The shaded hold-out periods, drawn behind the lines. */
  holdout: 'rgba(245, 158, 11, 0.13)',
  /** The same shade in the legend, a little stronger so a small swatch shows it. */
  holdoutSwatch: 'rgba(245, 158, 11, 0.3)',
  grid: '#e3e6eb',
} as const;
