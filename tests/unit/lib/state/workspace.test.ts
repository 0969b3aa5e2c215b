import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../../src/core/data/dataset';
import { packStrings } from '../../../../src/core/data/packed-strings';
import { retypeColumn } from '../../../../src/core/data/retype-column';
import { summarizeColumn } from '../../../../src/core/data/summarize';
import { ok } from '../../../../src/core/shared/result';
import { createMemoryStore } from '../../../../src/lib/persistence/idb';
import { createWorkspaceRepository } from '../../../../src/lib/persistence/workspace-repository';
import { Workspace } from '../../../../src/lib/state/Workspace.svelte';
import type { WorkerClient } from '../../../../src/lib/worker-client';
import type { CsvWorkerApi } from '../../../../src/workers/csv.worker';

const ID = 'ds-1';

function buildDataset(name = 'accounts.csv'): Dataset {
  return {
    name,
    rowCount: 3,
    columns: [
      {
        name: 'segment',
        type: 'category',
        inferredType: 'category',
        missingCount: 0,
        storage: { kind: 'dictionary', codes: new Int32Array([0, 1, 0]), dictionary: packStrings(['SMB', 'Enterprise']) },
      },
    ],
    issues: [],
    source: { fileName: 'accounts.csv', byteLength: 40, encoding: 'utf-8', delimiter: ',', decimal: '.' },
  };
}

/**
 * A worker client whose retype waits until the test releases it, so a rename or a delete
 * can be made while it runs. The retype itself is the engine's, as in the worker.
 */
function heldRetypeClient() {
  const releases: (() => void)[] = [];
  const call = vi.fn(async (_signal: unknown, method: string, ...args: unknown[]) => {
    if (method !== 'retype') throw new Error(`unexpected call ${method}`);
    const [column, type, decimal] = args as Parameters<typeof retypeColumn>;
    await new Promise<void>((resolve) => releases.push(resolve));
    const result = retypeColumn(column, type, decimal);
    return result.ok ? ok({ column: result.value, summary: summarizeColumn(result.value) }) : result;
  });
  const client = { call, terminate() {} } as unknown as WorkerClient<CsvWorkerApi>;
  return { client, call, release: () => releases.shift()?.() };
}

/** A workspace over a memory store holding one saved data set, opened. */
async function setup() {
  const store = createMemoryStore();
  const repository = createWorkspaceRepository(store, () => new Date());
  expect((await repository.saveDataset(ID, buildDataset())).ok).toBe(true);
  const held = heldRetypeClient();
  const workspace = new Workspace({ client: held.client, helper: held.client, openStore: async () => store });
  await workspace.start(ID);
  expect(workspace.open?.id).toBe(ID);
  return { workspace, repository, ...held };
}

/** Waits until the fake worker has been asked for a retype. */
async function retypeStarted(call: ReturnType<typeof vi.fn>, count = 1): Promise<void> {
  await vi.waitFor(() => expect(call).toHaveBeenCalledTimes(count));
}

describe('Workspace edits of the open data set', () => {
  it('a rename made while a retype runs keeps both: new name and new type, in memory and stored', async () => {
    const { workspace, repository, call, release } = await setup();
    const retyped = workspace.retypeColumn('segment', 'text');
    await retypeStarted(call);
    const renamed = workspace.renameDataset(ID, '  Key accounts  ');
    release();
    await Promise.all([retyped, renamed]);

    expect(workspace.open?.dataset.name).toBe('Key accounts');
    expect(workspace.open?.dataset.columns[0].type).toBe('text');
    const stored = await repository.loadDataset(ID);
    expect(stored.ok && stored.value.name).toBe('Key accounts');
    expect(stored.ok && stored.value.columns[0].type).toBe('text');
    expect(workspace.datasets.map((d) => d.name)).toEqual(['Key accounts']);
  });

  it('a retype asked for while a rename is being written is saved under the new name', async () => {
    const { workspace, repository, call, release } = await setup();
    const renamed = workspace.renameDataset(ID, 'Key accounts');
    const retyped = workspace.retypeColumn('segment', 'text');
    await retypeStarted(call);
    // The rename finished first, and the retype works on the renamed data set.
    expect(workspace.open?.dataset.name).toBe('Key accounts');
    release();
    await Promise.all([renamed, retyped]);

    const stored = await repository.loadDataset(ID);
    expect(stored.ok && stored.value.name).toBe('Key accounts');
    expect(stored.ok && stored.value.columns[0].type).toBe('text');
    expect(workspace.open?.dataset.name).toBe('Key accounts');
  });

  it('deleting while a retype runs does not bring the data set back', async () => {
    const { workspace, repository, call, release } = await setup();
    const retyped = workspace.retypeColumn('segment', 'text');
    await retypeStarted(call);
    const deleted = workspace.deleteDataset(ID);
    release();
    await Promise.all([retyped, deleted]);

    expect(workspace.open).toBeNull();
    expect(workspace.datasets).toEqual([]);
    const list = await repository.listDatasets();
    expect(list.ok && list.value).toEqual([]);
    expect((await repository.loadDataset(ID)).ok).toBe(false);
  });

  it('a retype asked for after a delete is skipped', async () => {
    const { workspace, repository, call } = await setup();
    const deleted = workspace.deleteDataset(ID);
    const retyped = workspace.retypeColumn('segment', 'text');
    await Promise.all([deleted, retyped]);

    expect(call).not.toHaveBeenCalled();
    const list = await repository.listDatasets();
    expect(list.ok && list.value).toEqual([]);
  });

  it('two retypes in a row are both kept', async () => {
    const { workspace, repository, call, release } = await setup();
    const first = workspace.retypeColumn('segment', 'text');
    const second = workspace.retypeColumn('segment', 'id');
    await retypeStarted(call);
    release();
    await retypeStarted(call, 2);
    // The second retype starts from the first one's result.
    expect(call.mock.calls[1][2]).toMatchObject({ type: 'text' });
    release();
    await Promise.all([first, second]);
    const stored = await repository.loadDataset(ID);
    expect(stored.ok && stored.value.columns[0].type).toBe('id');
  });
});

describe('Workspace.loadDataset', () => {
  it('loads a stored data set without opening it, gives the open one as it is open, and says when one is missing', async () => {
    const { workspace, repository } = await setup();
    expect((await repository.saveDataset('ds-2', buildDataset('other.csv'))).ok).toBe(true);
    const open = workspace.open;

    const other = await workspace.loadDataset('ds-2');
    expect(other.ok && other.value.name).toBe('other.csv');
    expect(other.ok && other.value.columns[0].name).toBe('segment');
    expect(workspace.open).toBe(open);

    const same = await workspace.loadDataset(ID);
    expect(same.ok && same.value).toBe(open?.dataset);

    expect(await workspace.loadDataset('nope')).toMatchObject({ ok: false, error: { code: 'DATASET_NOT_FOUND' } });
  });

  it('answers DATASET_NOT_FOUND before storage is open', async () => {
    const workspace = new Workspace({ client: heldRetypeClient().client, helper: heldRetypeClient().client, openStore: async () => createMemoryStore() });
    expect(await workspace.loadDataset(ID)).toMatchObject({ ok: false, error: { code: 'DATASET_NOT_FOUND' } });
  });
});
