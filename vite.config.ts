/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Relative base: the built app works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte({ configFile: false })],
  worker: { format: 'es' },
  // The app's own entry is about 220 kB; the larger chunks are mermaid's diagram parts, each
  // loaded only when the strategy map needs it.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 700 },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: false },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
  },
});
