/** Ready-made plan: a medical-equipment leasing company selling to hospitals on long leases. */
import { illustrativeHistory, notes, type PlanTemplate } from './template';

// Hospitals sign after their budgets are approved (March to May) and close the year in December.
const SEASON = [0.8, 0.7, 1.1, 1.2, 1.15, 1.0, 0.95, 0.9, 1.0, 1.0, 1.05, 1.15];

export const medicalLeasing: PlanTemplate = {
  id: 'medical-leasing',
  history: { firstMonth: '2023-01', values: illustrativeHistory(24, 3_200_000, 0.008, SEASON, 0.04), valueName: 'New lease volume' },
  plan: {
    kind: 'plan',
    name: 'Medical-equipment leasing to hospitals on long leases',
    template: 'medical-leasing',
    illustrative: true,
    currency: '¥',
    resources: {
      money: { cash: 30_000_000, budget: 4_000_000, limits: [{ label: 'Conferences and tenders', amount: 1_500_000, channels: ['Procurement tenders', 'Clinical conferences'] }] },
      people: { salesHeadcount: 8, hoursPerPerson: 1_400, skills: 'Account managers with hospital procurement experience; two biomedical engineers.' },
      tools: { crm: 'CRM with contract and asset records', platforms: 'Provincial procurement platforms' },
      market: { share: 6, feedback: 'Hospitals value the maintenance bundle; finance departments compare the lease rate with bank loans.', trends: 'County hospitals upgrade imaging; tenders are more often bundled.' },
      notes: '',
    },
    allocation: {
      objective: 'revenue',
      channels: [
        { label: 'Hospital account managers', returnPerUnit: 6.5, returnFrom: 'entered', costPerCustomer: 180_000, minSpend: 800_000, maxSpend: 2_200_000, hoursPerUnit: 0.004, source: 'Lease volume per account, 2024' },
        { label: 'Procurement tenders', returnPerUnit: 5.2, returnFrom: 'entered', costPerCustomer: 250_000, minSpend: null, maxSpend: 1_200_000, hoursPerUnit: 0.002, source: 'Tender win rate, 2023–2024' },
        { label: 'Clinical conferences', returnPerUnit: 3.1, returnFrom: 'entered', costPerCustomer: 300_000, minSpend: null, maxSpend: 600_000, hoursPerUnit: 0.001, source: 'Leads per conference' },
        { label: 'Renewals and upgrades', returnPerUnit: 0, returnFrom: 'customer-value', costPerCustomer: 120_000, minSpend: 300_000, maxSpend: 1_000_000, hoursPerUnit: 0.003, source: 'Renewal rate, churn model' },
      ],
      customerValue: { lifetimeValue: 900_000, churnProbability: 0.12 },
    },
    strategy: {
      marketResearch: notes('County and city hospitals in three provinces; imaging and ICU equipment ages past eight years.'),
      segmentation: notes('County hospitals (upgrade imaging), private specialist hospitals (fast decisions).'),
      differentiation: notes('Five- to seven-year leases with maintenance and upgrade rights; uptime reported monthly.'),
      pricingChannels: notes('Lease rate set against the hospital’s bank-loan rate plus maintenance value; tenders through platforms.'),
      contract: {
        ...notes('Long leases: early-termination terms, maintenance response times, equipment liability.', true),
        checklist: { price: true, paymentTerms: true, serviceTerms: true, liability: true },
      },
      crm: notes('Asset records drive renewal calls twelve months before a lease ends.', true),
    },
    stepNotes: { resources: '', goals: 'Lease volume 8% above the forecast; tenders are lumpy.', priorities: '', allocation: '', monitoring: '' },
    replannedFrom: null,
  },
  goals: [
    { id: 'g1', kind: 'revenue', label: 'New lease volume', due: '2025-12', measure: 'Signed lease value', importance: 5, feasibility: 4, term: 'short', use: 'none', uplift: 0.08 },
    { id: 'g2', kind: 'customers', label: 'New hospital customers', due: '2025-12', measure: 'First lease signed', importance: 4, feasibility: 3, term: 'short', use: 'constraint', monthly: [0, 0, 2, 2, 2, 1, 1, 1, 1, 1, 1, 2] },
    { id: 'g3', kind: 'share', label: 'Share of imaging leases in the three provinces', due: '2027-12', measure: 'Leases ÷ imaging units installed', importance: 4, feasibility: 2, term: 'long', use: 'none', target: 10 },
  ],
  actuals: { g1: [1.01, 0.9, 1.25], g2: [0, 1, 2] },
};
