/** Ready-made plan: an industrial-equipment maker entering South-East Asia through local distributors. */
import { illustrativeHistory, notes, type PlanTemplate } from './template';

// Orders dip around the Lunar New Year and peak before the year-end budget close.
const SEASON = [0.92, 0.78, 0.95, 1.0, 1.02, 1.0, 0.96, 0.98, 1.04, 1.08, 1.12, 1.15];

export const industrialEquipment: PlanTemplate = {
  id: 'industrial-equipment',
  history: { firstMonth: '2023-01', values: illustrativeHistory(24, 280_000, 0.012, SEASON, 0.03), valueName: 'Sales in South-East Asia' },
  plan: {
    kind: 'plan',
    name: 'Industrial equipment: entering South-East Asia through distributors',
    template: 'industrial-equipment',
    illustrative: true,
    currency: '$',
    resources: {
      money: {
        cash: 2_400_000,
        budget: 600_000,
        limits: [{ label: 'Travel-heavy channels', amount: 220_000, channels: ['Direct key accounts', 'Trade fairs'] }],
      },
      people: { salesHeadcount: 4, hoursPerPerson: 1_200, skills: 'Application engineers; two speak Thai and Bahasa; managing distributors is new to the team.' },
      tools: { crm: 'A starter CRM shared with the distributors', platforms: 'LinkedIn, an online supplier catalogue' },
      market: { share: 2, feedback: 'Prospects praise build quality and worry about spare-parts lead times.', trends: 'Factory automation spending is rising in Vietnam and Indonesia; local makers compete on price.' },
      notes: 'Spare parts are held in Singapore from March, which answers the main objection.',
    },
    allocation: {
      objective: 'revenue',
      channels: [
        { label: 'Local distributors', returnPerUnit: 3.2, returnFrom: 'entered', costPerCustomer: 30_000, minSpend: 100_000, maxSpend: 300_000, hoursPerUnit: 0.002, source: 'Distributor margin quotes' },
        { label: 'Direct key accounts', returnPerUnit: 2.6, returnFrom: 'entered', costPerCustomer: 60_000, minSpend: null, maxSpend: 200_000, hoursPerUnit: 0.006, source: 'Two pilot accounts, 2024' },
        { label: 'Trade fairs', returnPerUnit: 1.8, returnFrom: 'entered', costPerCustomer: 25_000, minSpend: null, maxSpend: 120_000, hoursPerUnit: 0.004, source: 'Leads per fair, 2023–2024' },
        { label: 'Online catalogue', returnPerUnit: 1.4, returnFrom: 'entered', costPerCustomer: 8_000, minSpend: null, maxSpend: 80_000, hoursPerUnit: 0, source: 'Catalogue enquiries' },
      ],
      customerValue: { lifetimeValue: 180_000, churnProbability: 0.15 },
    },
    strategy: {
      marketResearch: notes('Vietnam, Thailand and Indonesia screened on automation spending, import duties and competitors; Vietnam first.'),
      segmentation: notes('Mid-sized electronics and food-processing plants with 200–1,000 staff; foreign-owned plants buy on quality.'),
      differentiation: notes('Uptime guarantee backed by local spare parts and a 48-hour engineer visit.'),
      pricingChannels: notes('List price 8% above local makers, distributor margin 18%; key accounts served directly.'),
      contract: {
        ...notes('Distributor agreements: two-year exclusivity per province, minimum purchase, training included.', false),
        checklist: { price: true, paymentTerms: true, serviceTerms: false, liability: false },
      },
      crm: notes('Shared CRM with distributors; quarterly business reviews; service visits logged.', false),
    },
    stepNotes: { resources: '', goals: 'Revenue targets are 12% above the forecast: the distributors start selling in March.', priorities: '', allocation: '', monitoring: '' },
    replannedFrom: null,
  },
  goals: [
    { id: 'g1', kind: 'revenue', label: 'Revenue in South-East Asia', due: '2025-12', measure: 'Invoiced sales in the ledger', importance: 5, feasibility: 3, term: 'short', use: 'none', uplift: 0.12 },
    { id: 'g2', kind: 'customers', label: 'New customers through distributors', due: '2025-12', measure: 'First orders recorded in the CRM', importance: 4, feasibility: 3, term: 'short', use: 'constraint', monthly: [0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2] },
    { id: 'g3', kind: 'share', label: 'Market share in the target segments', due: '2026-12', measure: 'Share of imports in the segment (trade statistics)', importance: 3, feasibility: 2, term: 'long', use: 'none', target: 4 },
  ],
  actuals: { g1: [1.04, 0.97, 0.8], g2: [0, 1, 0] },
};
