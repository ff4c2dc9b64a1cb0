#!/usr/bin/env bash
# npm run bench: the renderer against Swiper and Embla, in one run, in headless Chromium.
# Options go to tests/perf/bench.mjs (e.g. npm run bench -- --runs 5 --profiles 4).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
scripts/build.sh
# The pages as they would ship: each bundled and minified the same way. wasm-bindgen's glue
# names its inline-JS module once per import in one object literal, which esbuild flags as
# duplicate keys with the same value: harmless, and silenced so real warnings stand out.
node_modules/.bin/esbuild tests/perf/renderer-page.js tests/perf/still-page.js tests/perf/blank-page.js tests/perf/swiper-page.js tests/perf/embla-page.js \
  --bundle --minify --format=esm --target=chrome96 --outdir=tests/perf/dist --log-level=warning \
  --log-override:duplicate-object-key=silent
# The renderer's glue starts its sampler worker from beside itself: here, the page's bundle.
cp www/pkg/glance_sampler.js tests/perf/dist/
exec node tests/perf/bench.mjs "$@"
