/** The second worker of the two-part benchmark: reads its part of the file and sends it back. */
import { parentPort, workerData } from 'node:worker_threads';
import { exportCsvPart } from '../../src/core/data/csv-part';
import type { ImportPlan } from '../../src/core/data/import-plan';
import { readPart } from './read-part';
import { partBuffers } from '../../src/workers/protocol';

const { file, plan, size } = workerData as { file: string; plan: ImportPlan; size: number };
const part = exportCsvPart(readPart(file, plan, 'second', size));
parentPort!.postMessage(part, partBuffers(part));
