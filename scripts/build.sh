#!/usr/bin/env bash
# Release build of the Wasm module into www/pkg/, optimised with wasm-opt, and of the host shim's
# bundle beside it, then the size report.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(scripts/wasm-bindgen-version.sh)
bindgen=".tools/wasm-bindgen-$version/bin/wasm-bindgen"

cargo build --release --target wasm32-unknown-unknown --lib --quiet
# The WebAssembly features the module needs must all be checked by the shim before it loads it.
node scripts/wasm-features.mjs target/wasm32-unknown-unknown/release/glance_renderer.wasm
rm -rf www/pkg
"$bindgen" --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/glance_renderer.wasm
# Rust 1.95's wasm32 output uses these proposals; wasm-opt must be told it may keep them.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-multivalue --enable-reference-types \
  -o www/pkg/glance_renderer_bg.wasm www/pkg/glance_renderer_bg.wasm
# The glue as it ships: minified, with its inline JS snippets bundled in (no comments, one
# request instead of three).
# wasm-bindgen 0.2.130's glue lists one inline snippet several times in its imports object, the
# same key for the same module each time (`"./snippets/…/inline0.js": import1, … import2`): the
# repeats change nothing, so esbuild's warning about them is silenced, and only that warning.
node_modules/.bin/esbuild www/pkg/glance_renderer.js --bundle --minify --format=esm --target=chrome80 \
  --log-level=warning --log-override:duplicate-object-key=silent \
  --allow-overwrite --outfile=www/pkg/glance_renderer.js
rm -rf www/pkg/snippets
# The host shim as the lock screen loads it: one minified module instead of eight source files
# (one request at wake, a third of the bytes). The sources in www/host/ are what is checked
# and tested; this is what ships.
node_modules/.bin/esbuild www/host/index.js --bundle --minify --format=esm --target=chrome80 \
  --log-level=warning --outfile=www/pkg/glance_host.js
# The contrast sampler's worker, which the glue starts from beside itself
# (`glance_sampler.js` next to `glance_renderer.js`).
node_modules/.bin/esbuild www/sampler.js --minify --target=chrome80 \
  --log-level=warning --outfile=www/pkg/glance_sampler.js
# The stylesheet as it ships: minified (its comments are for whoever reads www/glance.css; on
# the phone they were a third of its gzip bytes). The preview loads the source.
node_modules/.bin/esbuild www/glance.css --minify --log-level=warning --outfile=www/pkg/glance.css
node scripts/size.mjs
