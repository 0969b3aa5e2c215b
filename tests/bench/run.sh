#!/usr/bin/env bash
# Runs a benchmark as the browser runs the engine: bundled into one optimised module
# first (the TypeScript loader used for tests adds its own overhead to hot loops).
set -euo pipefail
name="$1"; shift
out="node_modules/.cache/bench"
mkdir -p "$out"
npx esbuild "tests/bench/$name.ts" --bundle --packages=external --platform=node --format=esm --log-level=warning --outfile="$out/$name.mjs"
node "$out/$name.mjs" "$@"
