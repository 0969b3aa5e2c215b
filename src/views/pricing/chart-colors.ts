/** Colours of the pricing charts and their legends (one place, so the two always agree). */
export const COLORS = {
  observed: '#1a1d23',
  demand: '#1d4ed8',
  revenue: '#0f766e',
  profit: '#b45309',
  mr: '#7c3aed',
  cost: '#b42318',
  mark: '#1a1d23',
  current: '#5b6270',
  tooCheap: '#0f766e',
  cheap: '#5eead4',
  expensive: '#f59e0b',
  tooExpensive: '#b42318',
  notCheap: '#1d4ed8',
  notExpensive: '#7c3aed',
  range: 'rgba(29, 78, 216, 0.08)',
  grid: '#e3e6eb',
} as const;
