import 'fake-indexeddb/auto';
// Shared vitest setup: nothing global is needed yet.
export {};
