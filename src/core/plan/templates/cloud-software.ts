/** Ready-made plan: a cloud-software firm focusing on finance and healthcare with flexible pricing. */
import { illustrativeHistory, notes, type PlanTemplate } from './template';

// Subscriptions are signed at quarter ends and slow down in August and over the holidays.
const SEASON = [0.9, 0.95, 1.12, 0.93, 0.97, 1.1, 0.92, 0.82, 1.08, 0.98, 1.02, 1.21];

export const cloudSoftware: PlanTemplate = {
  id: 'cloud-software',
  history: { firstMonth: '2023-01', values: illustrativeHistory(24, 120_000, 0.025, SEASON, 0.04), valueName: 'New and expansion bookings' },
  plan: {
    kind: 'plan',
    name: 'Cloud software: finance and healthcare, flexible pricing',
    template: 'cloud-software',
    illustrative: true,
    currency: '$',
    resources: {
      money: { cash: 1_800_000, budget: 450_000, limits: [{ label: 'Paid acquisition', amount: 160_000, channels: ['Content and search', 'Free trial'] }] },
      people: { salesHeadcount: 6, hoursPerPerson: 1_000, skills: 'Inside sales and two solution engineers; one compliance specialist (HIPAA, SOC 2).' },
      tools: { crm: 'CRM with product-usage signals', platforms: 'Own website, two cloud marketplaces' },
      market: { share: 1, feedback: 'Buyers value the audit trail; small clinics find annual prepayment hard.', trends: 'Regulators push digital records; budgets move from licences to subscriptions.' },
      notes: '',
    },
    allocation: {
      objective: 'net',
      channels: [
        { label: 'Inside sales', returnPerUnit: 2.8, returnFrom: 'entered', costPerCustomer: 9_000, minSpend: 80_000, maxSpend: 220_000, hoursPerUnit: 0.02, source: 'Win rates 2024' },
        { label: 'Partner resellers', returnPerUnit: 2.2, returnFrom: 'entered', costPerCustomer: 12_000, minSpend: null, maxSpend: 150_000, hoursPerUnit: 0.005, source: 'Two resellers, 2024' },
        { label: 'Content and search', returnPerUnit: 1.6, returnFrom: 'entered', costPerCustomer: 4_000, minSpend: null, maxSpend: 120_000, hoursPerUnit: 0, source: 'Attribution report' },
        { label: 'Free trial', returnPerUnit: 0, returnFrom: 'customer-value', costPerCustomer: 6_000, minSpend: null, maxSpend: 100_000, hoursPerUnit: 0.01, source: 'Trial conversions; churn model' },
      ],
      customerValue: { lifetimeValue: 21_000, churnProbability: 0.22 },
    },
    strategy: {
      marketResearch: notes('Regional banks, insurers and private clinics sized from public registers; 1,900 firms in reach.'),
      segmentation: notes('Finance: compliance-driven, annual contracts. Healthcare: clinics of 5–50 staff, monthly plans.'),
      differentiation: notes('Audit trail and data residency by default; set-up in a day.'),
      pricingChannels: notes('Per-seat tiers; monthly or annual with 15% off; usage add-ons. Resellers in healthcare.'),
      contract: {
        ...notes('Standard terms with a data-processing agreement; enterprise plans negotiate the SLA.', false),
        checklist: { price: true, paymentTerms: true, serviceTerms: true, liability: false },
      },
      crm: notes('Usage drops trigger a success call; churn scores reviewed monthly.', false),
    },
    stepNotes: { resources: '', goals: 'Bookings targets are 15% above the forecast, from the healthcare launch.', priorities: '', allocation: 'Free trial earns the churn-adjusted value of its customers.', monitoring: '' },
    replannedFrom: null,
  },
  goals: [
    { id: 'g1', kind: 'revenue', label: 'New and expansion bookings', due: '2025-12', measure: 'Signed annual contract value', importance: 5, feasibility: 3, term: 'short', use: 'none', uplift: 0.15 },
    { id: 'g2', kind: 'customers', label: 'New paying customers', due: '2025-12', measure: 'First invoice paid', importance: 4, feasibility: 4, term: 'short', use: 'constraint', monthly: [4, 4, 5, 5, 5, 6, 5, 4, 6, 6, 6, 8] },
    { id: 'g3', kind: 'share', label: 'Share of private clinics in the region', due: '2027-12', measure: 'Customers ÷ clinics in the register', importance: 3, feasibility: 2, term: 'long', use: 'none', target: 5 },
  ],
  actuals: { g1: [0.98, 1.06, 1.01], g2: [3, 5, 4] },
};
