/** Colours of the churn charts: the churn class in the accent blue, the others in grey. */
export const CHURN_COLOR = '#1d4ed8';
export const OTHER_COLOR = '#9aa3b2';
export const GRID_COLOR = '#e3e6eb';
