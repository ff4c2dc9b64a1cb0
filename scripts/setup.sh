#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
#   scripts/setup.sh            Rust wasm32 target, wasm-bindgen-cli (the Cargo.lock version,
#                               into .tools/), npm packages (wasm-opt comes from binaryen)
#   scripts/setup.sh --browser  the same, plus Debian's chromium and chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! command -v cargo >/dev/null; then
  say "cargo is missing: install Rust (https://rustup.rs) and run this again." >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "node and npm are missing: install Node.js 20 or newer and run this again." >&2
  exit 1
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be exactly the wasm-bindgen version the crate links against.
version=$(scripts/wasm-bindgen-version.sh)
tools=".tools/wasm-bindgen-$version"
if [ ! -x "$tools/bin/wasm-bindgen" ] || [ ! -x "$tools/bin/wasm-bindgen-test-runner" ]; then
  say "installing wasm-bindgen-cli $version into $tools (takes several minutes, once)"
  cargo install wasm-bindgen-cli --version "$version" --root "$tools" --quiet
fi

# npm ci once, and again whenever package-lock.json changes.
if ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock.json
fi

# The browser tiers need Debian's Chromium and its driver; Noto fonts make the Indic, Urdu,
# Thai, Khmer, Burmese and Japanese text legible and measurable (phones have such fonts built in).
if [ "${1:-}" = "--browser" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
  # Japanese headlines in the line-breaking oracle (tests/e2e/text.test.mjs) need a CJK font.
  [ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      say "The browser tests need Debian packages that are missing: ${missing[*]}" >&2
      say "Install them as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
fi
