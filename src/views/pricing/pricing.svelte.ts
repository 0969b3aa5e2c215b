/**
 * The pricing screen's state: the marginal revenue calculator, the demand curve (points
 * typed in or read from a data set, costs, the curve used), the Van Westendorp survey and
 * the scenario table. It lives as long as the app, so the work is still there after a visit
 * to another screen.
 *
 * Everything is computed in the pricing worker as the user types: each part runs one job at
 * a time and, while it runs, only the latest inputs wait (latestOnly); an answer whose inputs
 * have changed since it was asked is dropped, and the last good answer stays on screen until
 * the next one arrives (so the page does not jump while typing). Inputs are kept exactly as
 * typed; a field that cannot be read, or that the engine refuses, gets its message next to it.
 *
 * The screen follows the data set open in the workspace: a survey (four answer columns
 * found) goes to the Van Westendorp part, any other data set to the demand part, and each
 * part keeps its own data set when the other changes, so a demand fit and a survey can be
 * read together.
 */
import type { Column, Dataset } from '../../core/data/dataset';
import type { DemandPointsRead } from '../../core/pricing/demand-points';
import type { DemandPoint } from '../../core/pricing/fit-demand';
import type { MarginalRevenueInput } from '../../core/pricing/marginal-revenue';
import { MAX_SCENARIOS } from '../../core/pricing/price-scenarios';
import type { VanWestendorpColumns } from '../../core/pricing/van-westendorp-dataset';
import type { VanWestendorpResult } from '../../core/pricing/van-westendorp';
import type { AppError, Result } from '../../core/shared/result';
import { currentLocale, formatNumber } from '../../lib/i18n/i18n';
import { readNumber } from '../../lib/i18n/read-number';
import type { OpenDataset } from '../../lib/state/Workspace.svelte';
import { createWorkerClient, type WorkerClient } from '../../lib/worker-client';
import type { DemandAnalysis, DemandRequest, FormChoice, MarginalRevenueOutcome, PricingWorkerApi } from '../../workers/pricing-api';
import { filterColumnsOf, guessDemandColumns, guessSurveyColumns, isNumberColumn, looksLikeSurvey, valuesOf } from './column-guesses';
import { latestOnly } from './latest-only';

export type { FormChoice };

export type MrField = keyof MarginalRevenueInput;
/** The calculator's fields in the order of the formula MR = P (1 − Q / Q0) − C. */
export const MR_FIELDS: readonly MrField[] = ['price', 'quantity', 'baseQuantity', 'unitCost'];
/** The strategy text's example (DESIGN.md): P = 100, C = 60, Q0 = 1000, Q = 1000. */
export const WORKED_MR: Readonly<MarginalRevenueInput> = { price: 100, unitCost: 60, baseQuantity: 1000, quantity: 1000 };

export type CostField = 'unitCost' | 'fixedCost' | 'currentPrice';
export type SurveyRole = keyof VanWestendorpColumns;
export const SURVEY_ROLES: readonly SurveyRole[] = ['tooCheap', 'cheap', 'expensive', 'tooExpensive'];

/** A row of the typed table: the texts as typed. */
export interface PointRow {
  price: string;
  quantity: string;
}

/** A row of the typed table left out of the fit, and why. */
export interface RowNote {
  row: number;
  reason: 'incomplete' | 'unreadable';
  text: string;
}

/** A data set one part of the screen reads (the demand data or the survey). */
export interface SourceData {
  id: string;
  dataset: Dataset;
}

/** An answer of the worker and the inputs it was asked with. */
export interface Answer<T> {
  key: string;
  result: Result<T>;
}

export interface PricingScreenDeps {
  client?: WorkerClient<PricingWorkerApi>;
}

const START_ROWS = 3;
const blankRows = (): PointRow[] => Array.from({ length: START_ROWS }, () => ({ price: '', quantity: '' }));

export class PricingScreen {
  // ── marginal revenue calculator ──
  mrTexts = $state<Record<MrField, string>>({ price: '', quantity: '', baseQuantity: '', unitCost: '' });
  mr = $state.raw<Answer<MarginalRevenueOutcome> | null>(null);

  // ── demand ──
  /** The data set open in the workspace (offered to either part). */
  open = $state.raw<SourceData | null>(null);
  demandSource = $state<'dataset' | 'typed'>('typed');
  demandData = $state.raw<SourceData | null>(null);
  priceColumn = $state('');
  quantityColumn = $state('');
  filterColumn = $state('');
  filterValue = $state('');
  rows = $state<PointRow[]>(blankRows());
  points = $state.raw<Answer<DemandPointsRead> | null>(null);
  unitCostText = $state('0');
  fixedCostText = $state('0');
  currentPriceText = $state('');
  formChoice = $state<FormChoice>('better');
  analysis = $state.raw<Answer<DemandAnalysis> | null>(null);
  analysisRunning = $state(false);

  // ── scenarios ──
  /** The prices as typed, once the user has edited one; until then the suggested ones show. */
  scenarioTexts = $state<string[]>([]);
  scenarioEdited = $state(false);

  // ── survey ──
  surveyData = $state.raw<SourceData | null>(null);
  surveyColumns = $state<VanWestendorpColumns>({ tooCheap: '', cheap: '', expensive: '', tooExpensive: '' });
  surveyFilterColumn = $state('');
  surveyFilterValue = $state('');
  survey = $state.raw<Answer<VanWestendorpResult> | null>(null);

  // ── derived: marginal revenue ──
  /** The calculator's numbers, or what is wrong with the texts (empty fields wait quietly). */
  mrRead = $derived.by(() => {
    const problems: Partial<Record<MrField, AppError>> = {};
    const input: Partial<MarginalRevenueInput> = {};
    let empty = false;
    for (const field of MR_FIELDS) {
      const text = this.mrTexts[field];
      if (text.trim() === '') {
        empty = true;
        continue;
      }
      const value = readNumber(text, currentLocale());
      if (value === null || !Number.isFinite(value)) problems[field] = unreadable('MR_NOT_FINITE', { field, value: text.trim() });
      else input[field] = value;
    }
    const complete = !empty && Object.keys(problems).length === 0;
    return { input: complete ? (input as MarginalRevenueInput) : null, problems, empty };
  });
  mrKey = $derived(JSON.stringify(this.mrRead.input));
  /** Messages next to the calculator's fields: unreadable texts, then the engine's refusal. */
  mrProblems = $derived.by(() => {
    const problems = { ...this.mrRead.problems };
    const answer = this.mr;
    if (answer && answer.key === this.mrKey && !answer.result.ok) {
      const error = answer.result.error;
      const field = (error.code === 'MR_BASE_NOT_POSITIVE' ? 'baseQuantity' : error.params?.field) as MrField | undefined;
      if (field && MR_FIELDS.includes(field)) problems[field] ??= error;
    }
    return problems;
  });
  /** The calculator's result for the current inputs (or the last one while the next is computed). */
  mrOutcome = $derived(this.mr?.result.ok && this.mrRead.input ? { input: JSON.parse(this.mr.key) as MarginalRevenueInput, ...this.mr.result.value } : null);

  // ── derived: demand ──
  columns = $derived<Column[]>(this.demandData?.dataset.columns ?? []);
  numberColumns = $derived(this.columns.filter(isNumberColumn).map((c) => c.name));
  filterColumns = $derived(filterColumnsOf(this.columns).map((c) => c.name));
  filterValues = $derived(valuesOf(this.columns.find((c) => c.name === this.filterColumn)));
  pointsKey = $derived(JSON.stringify([this.demandData?.id ?? null, this.priceColumn, this.quantityColumn, this.filterColumn, this.filterValue]));
  /** The typed table read: complete rows as points (with their row numbers), the others noted. */
  typed = $derived.by(() => {
    const points: DemandPoint[] = [];
    const rowOf: number[] = [];
    const notes: RowNote[] = [];
    this.rows.forEach((row, i) => {
      const priceText = row.price.trim();
      const quantityText = row.quantity.trim();
      if (priceText === '' && quantityText === '') return;
      if (priceText === '' || quantityText === '') {
        notes.push({ row: i + 1, reason: 'incomplete', text: '' });
        return;
      }
      const price = readNumber(priceText, currentLocale());
      const quantity = readNumber(quantityText, currentLocale());
      if (price === null || !Number.isFinite(price) || quantity === null || !Number.isFinite(quantity)) {
        notes.push({ row: i + 1, reason: 'unreadable', text: price === null || !Number.isFinite(price) ? priceText : quantityText });
        return;
      }
      points.push({ price, quantity });
      rowOf.push(i + 1);
    });
    return { points, rowOf, notes };
  });
  /** The points the curve is fitted to, or null while the data set's are being read (or cannot be). */
  demandPoints = $derived.by<DemandPoint[] | null>(() => {
    if (this.demandSource === 'typed') return this.typed.points;
    const read = this.points;
    return read && read.key === this.pointsKey && read.result.ok ? read.result.value.points : null;
  });
  /** The costs and the current price, or what is wrong with the texts (empty costs are 0, an empty price is none). */
  costs = $derived.by(() => {
    const problems: Partial<Record<CostField, AppError>> = {};
    const read = (field: CostField, text: string, empty: number | null): number | null => {
      if (text.trim() === '') return empty;
      const value = readNumber(text, currentLocale());
      if (value === null || !Number.isFinite(value)) {
        problems[field] = field === 'currentPrice' ? unreadable('PRICING_BAD_PRICE', { value: text.trim() }) : unreadable('PRICING_BAD_COST', { field, value: text.trim() });
        return null;
      }
      return value;
    };
    const unitCost = read('unitCost', this.unitCostText, 0);
    const fixedCost = read('fixedCost', this.fixedCostText, 0);
    const currentPrice = read('currentPrice', this.currentPriceText, null);
    return { unitCost, fixedCost, currentPrice, problems };
  });
  /** The acceptable range of the survey, when one was found. */
  range = $derived<[number, number] | null>(this.survey?.result.ok ? this.survey.result.value.acceptableRange : null);
  /** The scenario prices typed, with the cells they came from; null: the suggested ones. */
  scenarioRead = $derived.by(() => {
    if (!this.scenarioEdited) return null;
    const prices: number[] = [];
    const cellOf: number[] = [];
    const problems: (AppError | null)[] = this.scenarioTexts.map(() => null);
    this.scenarioTexts.forEach((text, i) => {
      if (text.trim() === '') return;
      const value = readNumber(text, currentLocale());
      if (value === null || !Number.isFinite(value)) {
        problems[i] = unreadable('SCENARIO_BAD_PRICE', { position: i + 1, value: text.trim() });
        return;
      }
      prices.push(value);
      cellOf.push(i);
    });
    return { prices, cellOf, problems };
  });
  /** The analysis request of the current inputs, or null when they are not ready. */
  request = $derived.by<DemandRequest | null>(() => {
    const points = this.demandPoints;
    const { unitCost, fixedCost, currentPrice, problems } = this.costs;
    if (!points || Object.keys(problems).length > 0 || unitCost === null || fixedCost === null) return null;
    return { points, form: this.formChoice, unitCost, fixedCost, currentPrice, range: this.range, scenarioPrices: this.scenarioRead ? this.scenarioRead.prices : null };
  });
  /** What the request is made of, compactly (the points by where they came from, not one by one). */
  analysisKey = $derived.by(() => {
    const request = this.request;
    if (!request) return '';
    const from = this.demandSource === 'typed' ? this.rows.map((r) => [r.price, r.quantity]) : this.pointsKey;
    return JSON.stringify([from, request.form, request.unitCost, request.fixedCost, request.currentPrice, request.range, request.scenarioPrices]);
  });
  /** The analysis on screen: the answer for the current inputs, or the last one while the next runs. */
  result = $derived(this.analysis?.result.ok ? this.analysis.result.value : null);
  /** Messages next to the cost fields: unreadable texts, then the engine's refusal. */
  costProblems = $derived.by(() => {
    const problems = { ...this.costs.problems };
    const answer = this.analysis;
    if (answer && answer.key === this.analysisKey && !answer.result.ok) {
      const field = answer.result.error.params?.field as CostField | undefined;
      if (field === 'unitCost' || field === 'fixedCost' || field === 'currentPrice') problems[field] ??= answer.result.error;
    }
    return problems;
  });
  /** A refusal of the whole analysis that is not about one field (e.g. an internal error). */
  analysisError = $derived.by<AppError | null>(() => {
    const answer = this.analysis;
    if (!answer || answer.key !== this.analysisKey || answer.result.ok) return null;
    const field = answer.result.error.params?.field;
    return field === 'unitCost' || field === 'fixedCost' || field === 'currentPrice' ? null : answer.result.error;
  });
  /** The scenario cells: as typed once edited, else the suggested prices of the analysis. */
  scenarioCells = $derived.by<string[]>(() => {
    if (this.scenarioEdited) return this.scenarioTexts;
    return (this.result?.scenarios?.prices ?? []).map((p) => formatNumber(p, 2));
  });
  /** Messages next to the scenario cells. */
  scenarioProblems = $derived.by<(AppError | null)[]>(() => {
    const read = this.scenarioRead;
    const cells = this.scenarioCells.map(() => null as AppError | null);
    if (!read) return cells;
    read.problems.forEach((p, i) => (cells[i] = p));
    const table = this.result?.scenarios?.table;
    if (table && !table.ok && table.error.code === 'SCENARIO_BAD_PRICE') {
      const cell = read.cellOf[Number(table.error.params?.position) - 1];
      if (cell !== undefined) cells[cell] ??= { ...table.error, params: { ...table.error.params, position: cell + 1 } };
    }
    return cells;
  });

  // ── derived: survey ──
  surveyColumnsOf = $derived<Column[]>(this.surveyData?.dataset.columns ?? []);
  surveyNumberColumns = $derived(this.surveyColumnsOf.filter(isNumberColumn).map((c) => c.name));
  surveyFilterColumns = $derived(filterColumnsOf(this.surveyColumnsOf).map((c) => c.name));
  surveyFilterValues = $derived(valuesOf(this.surveyColumnsOf.find((c) => c.name === this.surveyFilterColumn)));
  surveyKey = $derived(JSON.stringify([this.surveyData?.id ?? null, this.surveyColumns, this.surveyFilterColumn, this.surveyFilterValue]));

  #client: WorkerClient<PricingWorkerApi>;
  #currentPriceAuto = true;
  #scheduleMr = latestOnly(() => this.#runMr());
  #schedulePoints = latestOnly(() => this.#readPoints());
  #scheduleAnalysis = latestOnly(() => this.#analyse());
  #scheduleSurvey = latestOnly(() => this.#readSurvey());

  constructor(deps: PricingScreenDeps = {}) {
    this.#client = deps.client ?? createWorkerClient<PricingWorkerApi>(() => new Worker(new URL('../../workers/pricing.worker.ts', import.meta.url), { type: 'module', name: 'pricing' }));
  }

  /**
   * Follows the workspace's open data set: a survey goes to the Van Westendorp part, any other
   * data set to the demand part, each with fresh column guesses. The same data set (columns
   * unchanged) keeps its choices; no data set open leaves both parts as they are.
   */
  useDataset(open: OpenDataset | null): void {
    this.open = open ? { id: open.id, dataset: open.dataset } : null;
    if (!open) return;
    for (const slot of ['demandData', 'surveyData'] as const) {
      const held = this[slot];
      if (held && held.id === open.id && held.dataset.columns === open.dataset.columns) {
        this[slot] = { id: open.id, dataset: open.dataset };
        return;
      }
    }
    if (looksLikeSurvey(open.dataset.columns)) this.useOpenForSurvey();
    else this.useOpenForDemand();
  }

  /** Reads the demand points from the open data set, with guessed columns. */
  useOpenForDemand(): void {
    const open = this.open;
    if (!open) return;
    if (this.surveyData?.id === open.id) this.#clearSurvey();
    this.demandData = open;
    const guess = guessDemandColumns(open.dataset.columns);
    this.priceColumn = guess.price;
    this.quantityColumn = guess.quantity;
    this.filterColumn = guess.filterColumn;
    this.filterValue = guess.filterValue;
    this.demandSource = 'dataset';
    this.currentPriceText = '';
    this.#currentPriceAuto = true;
    this.#resetScenarios();
    this.#schedulePoints();
  }

  /** Reads the survey answers from the open data set, with guessed columns. */
  useOpenForSurvey(): void {
    const open = this.open;
    if (!open) return;
    if (this.demandData?.id === open.id) {
      this.demandData = null;
      this.points = null;
      this.demandSource = 'typed';
    }
    this.surveyData = open;
    this.surveyColumns = guessSurveyColumns(open.dataset.columns);
    // The survey is read for the segment the demand curve is fitted on, when it has that segment.
    const same = this.demandData && this.filterColumn !== '' ? valuesOf(open.dataset.columns.find((c) => c.name === this.filterColumn)) : [];
    const segment = same.includes(this.filterValue);
    this.surveyFilterColumn = segment ? this.filterColumn : '';
    this.surveyFilterValue = segment ? this.filterValue : '';
    this.#resetScenarios();
    this.#scheduleSurvey();
    this.#scheduleAnalysis();
  }

  // ── marginal revenue ──

  setMrText(field: MrField, text: string): void {
    this.mrTexts[field] = text;
    this.#scheduleMr();
  }

  /** Fills the calculator with the strategy text's example. */
  fillWorkedExample(): void {
    for (const field of MR_FIELDS) this.mrTexts[field] = formatNumber(WORKED_MR[field], 2);
    this.#scheduleMr();
  }

  // ── demand ──

  chooseDemandSource(source: 'dataset' | 'typed'): void {
    this.demandSource = source;
    this.#resetScenarios();
    this.#scheduleAnalysis();
  }

  choosePriceColumn(name: string): void {
    this.priceColumn = name;
    this.#schedulePoints();
  }

  chooseQuantityColumn(name: string): void {
    this.quantityColumn = name;
    this.#schedulePoints();
  }

  chooseFilterColumn(name: string): void {
    this.filterColumn = name;
    const values = valuesOf(this.columns.find((c) => c.name === name));
    this.filterValue = values[0] ?? '';
    this.#schedulePoints();
  }

  chooseFilterValue(value: string): void {
    this.filterValue = value;
    this.#schedulePoints();
  }

  setCell(row: number, field: keyof PointRow, text: string): void {
    this.rows[row][field] = text;
    this.#scheduleAnalysis();
  }

  addRow(): void {
    this.rows.push({ price: '', quantity: '' });
    // The rows are part of the analysis key: ask again, or a refusal shown would vanish.
    this.#scheduleAnalysis();
  }

  removeRow(row: number): void {
    this.rows.splice(row, 1);
    if (this.rows.length === 0) this.rows.push({ price: '', quantity: '' });
    this.#scheduleAnalysis();
  }

  /** Copies the data set's points into the typed table, to edit them by hand. */
  copyPointsToTable(): void {
    const read = this.points;
    if (!read?.result.ok) return;
    this.rows = read.result.value.points.map((p) => ({ price: formatNumber(p.price, 6), quantity: formatNumber(p.quantity, 6) }));
    this.demandSource = 'typed';
    this.#scheduleAnalysis();
  }

  setCost(field: CostField, text: string): void {
    if (field === 'unitCost') this.unitCostText = text;
    else if (field === 'fixedCost') this.fixedCostText = text;
    else {
      this.currentPriceText = text;
      this.#currentPriceAuto = false;
    }
    this.#scheduleAnalysis();
  }

  chooseForm(form: FormChoice): void {
    this.formChoice = form;
    this.#scheduleAnalysis();
  }

  // ── scenarios ──

  setScenario(cell: number, text: string): void {
    this.#editScenarios();
    this.scenarioTexts[cell] = text;
    this.#scheduleAnalysis();
  }

  addScenario(): void {
    this.#editScenarios();
    if (this.scenarioTexts.length < MAX_SCENARIOS) this.scenarioTexts.push('');
  }

  removeScenario(cell: number): void {
    this.#editScenarios();
    this.scenarioTexts.splice(cell, 1);
    this.#scheduleAnalysis();
  }

  /** Back to the suggested prices (current, best, range ends…). */
  suggestScenarios(): void {
    this.#resetScenarios();
    this.#scheduleAnalysis();
  }

  // ── survey ──

  chooseSurveyColumn(role: SurveyRole, name: string): void {
    this.surveyColumns[role] = name;
    this.#scheduleSurvey();
  }

  chooseSurveyFilterColumn(name: string): void {
    this.surveyFilterColumn = name;
    this.surveyFilterValue = valuesOf(this.surveyColumnsOf.find((c) => c.name === name))[0] ?? '';
    this.#scheduleSurvey();
  }

  chooseSurveyFilterValue(value: string): void {
    this.surveyFilterValue = value;
    this.#scheduleSurvey();
  }

  // ── jobs ──

  async #runMr(): Promise<void> {
    const input = this.mrRead.input;
    const key = this.mrKey;
    if (!input) {
      this.mr = null;
      return;
    }
    const result = await this.#client.call(undefined, 'marginalRevenue', { ...input });
    if (key === this.mrKey) this.mr = { key, result };
  }

  async #readPoints(): Promise<void> {
    const data = this.demandData;
    const key = this.pointsKey;
    if (!data || this.priceColumn === '' || this.quantityColumn === '') {
      this.points = null;
      this.#scheduleAnalysis();
      return;
    }
    const filter = this.filterColumn !== '' ? { filter: { column: this.filterColumn, equals: this.filterValue } } : {};
    const result = await this.#client.call(undefined, 'demandPoints', data.dataset, { price: this.priceColumn, quantity: this.quantityColumn, ...filter });
    if (key !== this.pointsKey) return;
    this.points = { key, result };
    // The price charged now, until the user types one: the latest row's.
    if (this.#currentPriceAuto && result.ok && result.value.points.length > 0) {
      this.currentPriceText = formatNumber(result.value.points[result.value.points.length - 1].price, 2);
    }
    this.#scheduleAnalysis();
  }

  async #analyse(): Promise<void> {
    const request = this.request;
    const key = this.analysisKey;
    if (!request) {
      // Nothing to fit yet (or a field cannot be read): no figures that belong to other inputs.
      if (this.demandSource === 'typed' || (this.points && this.points.key === this.pointsKey) || Object.keys(this.costs.problems).length > 0) this.analysis = null;
      return;
    }
    this.analysisRunning = true;
    const result = await this.#client.call(undefined, 'analyseDemand', request);
    this.analysisRunning = false;
    if (key === this.analysisKey) this.analysis = { key, result };
  }

  async #readSurvey(): Promise<void> {
    const data = this.surveyData;
    const key = this.surveyKey;
    const columns = { ...this.surveyColumns };
    if (!data || SURVEY_ROLES.some((role) => columns[role] === '')) {
      this.survey = null;
      this.#scheduleAnalysis();
      return;
    }
    const filter = this.surveyFilterColumn !== '' ? { column: this.surveyFilterColumn, equals: this.surveyFilterValue } : null;
    const result = await this.#client.call(undefined, 'survey', data.dataset, columns, filter);
    if (key !== this.surveyKey) return;
    this.survey = { key, result };
    this.#scheduleAnalysis();
  }

  #clearSurvey(): void {
    this.surveyData = null;
    this.survey = null;
  }

  /** The first edit of a scenario keeps the suggested prices shown as typed texts. */
  #editScenarios(): void {
    if (this.scenarioEdited) return;
    this.scenarioTexts = [...this.scenarioCells];
    this.scenarioEdited = true;
  }

  #resetScenarios(): void {
    this.scenarioEdited = false;
    this.scenarioTexts = [];
  }
}

/** A field's text that cannot be read, as the engine's message for a value that is not a number. */
function unreadable(code: string, params: Record<string, string | number>): AppError {
  return { code, message: `Cannot read ${String(params.value)} as a number.`, params };
}
