#!/usr/bin/env bash
# npm start: set up what is missing, build in release mode, print the sizes, serve www/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs
