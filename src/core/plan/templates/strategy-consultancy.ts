/** Ready-made plan: a strategy consultancy entering emerging markets with short trial contracts. */
import { illustrativeHistory, notes, type PlanTemplate } from './template';

// Projects start after budgets are set (February, September) and stop for the summer and December.
const SEASON = [0.85, 1.1, 1.08, 1.02, 1.0, 0.98, 0.8, 0.75, 1.15, 1.12, 1.1, 0.9];

export const strategyConsultancy: PlanTemplate = {
  id: 'strategy-consultancy',
  history: { firstMonth: '2023-01', values: illustrativeHistory(24, 90_000, 0.015, SEASON, 0.06), valueName: 'Fees billed' },
  plan: {
    kind: 'plan',
    name: 'Strategy consultancy: emerging markets with short trial contracts',
    template: 'strategy-consultancy',
    illustrative: true,
    currency: '€',
    resources: {
      money: { cash: 650_000, budget: 180_000, limits: [] },
      people: { salesHeadcount: 3, hoursPerPerson: 600, skills: 'Partners sell; two managers with Kenyan and Vietnamese networks.' },
      tools: { crm: 'Spreadsheet pipeline, moving to a CRM in spring', platforms: 'LinkedIn, a newsletter with 4,000 readers' },
      market: { share: 0.5, feedback: 'Clients liked the diagnostic but hesitate to commit to a long engagement.', trends: 'Family firms professionalise; development banks fund advisory work.' },
      notes: 'Travel costs are charged to the client after the trial.',
    },
    allocation: {
      objective: 'revenue',
      channels: [
        { label: 'Partner referrals', returnPerUnit: 4.5, returnFrom: 'entered', costPerCustomer: 6_000, minSpend: null, maxSpend: 40_000, hoursPerUnit: 0.01, source: 'Referral fees, 2024' },
        { label: 'Thought leadership', returnPerUnit: 2.4, returnFrom: 'entered', costPerCustomer: 9_000, minSpend: 20_000, maxSpend: 60_000, hoursPerUnit: 0.015, source: 'Newsletter-sourced projects' },
        { label: 'Paid diagnostic trials', returnPerUnit: 0, returnFrom: 'customer-value', costPerCustomer: 5_000, minSpend: null, maxSpend: 90_000, hoursPerUnit: 0.012, source: 'Trial conversion, churn model' },
        { label: 'Regional events', returnPerUnit: 1.9, returnFrom: 'entered', costPerCustomer: 15_000, minSpend: null, maxSpend: 50_000, hoursPerUnit: 0.008, source: 'Two events, 2024' },
      ],
      customerValue: { lifetimeValue: 48_000, churnProbability: 0.45 },
    },
    strategy: {
      marketResearch: notes('Kenya and Vietnam: growth of mid-sized family firms, competition from global firms is thin below €5M fees.'),
      segmentation: notes('Family-owned firms with €20–200M turnover preparing a succession or an investor.'),
      differentiation: notes('Local teams with global methods; fixed-fee, four-week diagnostic before any long engagement.'),
      pricingChannels: notes('Diagnostic €12,000 fixed, credited against the follow-on project; referrals from banks and law firms.'),
      contract: {
        ...notes('Trial contract of four weeks, then a framework agreement with call-offs.', true),
        checklist: { price: true, paymentTerms: true, serviceTerms: true, liability: true },
      },
      crm: notes('', false),
    },
    stepNotes: { resources: '', goals: '', priorities: 'Trials first: they fill the pipeline for next year.', allocation: '', monitoring: '' },
    replannedFrom: null,
  },
  goals: [
    { id: 'g1', kind: 'revenue', label: 'Fees billed', due: '2025-12', measure: 'Invoices issued', importance: 5, feasibility: 3, term: 'short', use: 'none', uplift: 0.1 },
    { id: 'g2', kind: 'customers', label: 'Diagnostic trials sold', due: '2025-12', measure: 'Signed trial contracts', importance: 5, feasibility: 4, term: 'short', use: 'constraint', monthly: [1, 2, 2, 2, 2, 1, 1, 1, 3, 3, 2, 1] },
    { id: 'g3', kind: 'share', label: 'Share of advisory spend of target firms', due: '2027-12', measure: 'Estimate from client interviews', importance: 2, feasibility: 2, term: 'long', use: 'none', target: 3 },
  ],
  actuals: { g1: [0.9, 1.12, 1.0], g2: [1, 1, 3] },
};
