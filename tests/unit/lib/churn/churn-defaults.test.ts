import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { guessChurnClass, guessTargetColumn } from '../../../../src/lib/churn/churn-defaults';
import { trainChurnModel } from '../../../../src/core/churn/train-churn-model';
import { parsed } from '../../../helpers/datasets';

describe('guessTargetColumn', () => {
  it('finds the churn column of the shared data sets', () => {
    expect(guessTargetColumn(['gender', 'tenure', 'Contract', 'Churn'])).toBe('Churn');
    expect(guessTargetColumn(['CLIENTNUM', 'Attrition_Flag', 'Customer_Age'])).toBe('Attrition_Flag');
  });

  it('reads words in snake_case, camelCase and with spaces', () => {
    expect(guessTargetColumn(['id', 'is_churned'])).toBe('is_churned');
    expect(guessTargetColumn(['id', 'hasLeft'])).toBe('hasLeft');
    expect(guessTargetColumn(['id', 'Customer Status'])).toBe('Customer Status');
    expect(guessTargetColumn(['id', 'Exited'])).toBe('Exited');
  });

  it('prefers churn over status, whatever the column order', () => {
    expect(guessTargetColumn(['Status', 'Churn'])).toBe('Churn');
    expect(guessTargetColumn(['Account status', 'Left'])).toBe('Left');
  });

  it('does not take a word inside another word', () => {
    // "leftover" and "statuses" are not the words "left" and "status".
    expect(guessTargetColumn(['leftover_credit', 'statuses'])).toBeNull();
  });

  it('gives null when no name fits, or there are no columns', () => {
    expect(guessTargetColumn(['region', 'sales'])).toBeNull();
    expect(guessTargetColumn([])).toBeNull();
  });
});

describe('guessChurnClass', () => {
  it('picks the engine’s churn words, ignoring case and spaces', () => {
    expect(guessChurnClass(['No', 'Yes'])).toBe('Yes');
    expect(guessChurnClass(['Existing Customer', 'Attrited Customer'])).toBe('Attrited Customer');
    expect(guessChurnClass(['0', '1'])).toBe('1');
    expect(guessChurnClass(['false', ' TRUE '])).toBe(' TRUE ');
    expect(guessChurnClass(['否', '是'])).toBe('是');
  });

  it('takes the engine’s word order: "yes" before "churned"', () => {
    expect(guessChurnClass(['churned', 'yes'])).toBe('yes');
  });

  it('falls back to the last (least frequent) class, or null for none', () => {
    expect(guessChurnClass(['Active', 'Inactive'])).toBe('Inactive');
    expect(guessChurnClass([])).toBeNull();
  });

  it('agrees with the engine’s own guess on the shared data sets', () => {
    const shared = (name: string) => parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name))));
    for (const [file, target] of [
      ['telco-churn.csv', 'Churn'],
      ['bank-churners.csv', 'Attrition_Flag'],
    ]) {
      const result = trainChurnModel(shared(file), { target, trees: 1, permutationImportance: false });
      if (!result.ok) throw new Error(result.error.message);
      const { classes, positive } = result.value;
      expect(guessChurnClass(classes)).toBe(classes[positive]);
    }
  });
});
