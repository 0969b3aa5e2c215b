/**
 * The solver the engine uses when none is given: glpk.js's synchronous build, loaded on
 * first use and then reused (each instantiation compiles the WebAssembly module again).
 * The same build runs in Node and inside the app's LP worker, where a solve blocks only
 * that worker and Cancel terminates it.
 */
import type { LpSolver } from './run-glpk';

let loading: Promise<LpSolver> | null = null;

export function defaultSolver(): Promise<LpSolver> {
  loading ??= import('glpk.js/node').then((module) => module.default() as Promise<LpSolver>);
  return loading;
}
