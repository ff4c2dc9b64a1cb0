#!/usr/bin/env bash
# npm test: set up what is missing, then every tier. Each runner prints its own summary; the
# table at the end shows every tier, and the exit status is non-zero if any tier failed.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --browser || exit 1

version=$(scripts/wasm-bindgen-version.sh)
export PATH="$PWD/.tools/wasm-bindgen-$version/bin:$PATH"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
# The browser tests wait on real time (settles, holds, auto-advance): about 25 s in all, past
# the runner's default limit of 20 s for the whole run.
export WASM_BINDGEN_TEST_TIMEOUT=180
export CARGO_TERM_COLOR=never

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
names=()
results=()
total_pass=0
total_fail=0

# tier NAME COMMAND...: runs the command, shows its output, records the result and the counts
# from the runner's own summary lines (cargo/wasm-bindgen-test "test result:", node "# pass").
tier() {
  local name=$1
  shift
  printf '\n== %s ==\n' "$name"
  local log="$logs/${#names[@]}.log"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local pass fail
  pass=$(grep -hoE '(test result: [A-Za-z]+\. [0-9]+ passed|^# pass [0-9]+)' "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  fail=$(grep -hoE '([0-9]+ failed;|^# fail [0-9]+)' "$log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  pass=${pass:-0}
  fail=${fail:-0}
  if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
  total_pass=$((total_pass + pass))
  total_fail=$((total_fail + fail))
  names+=("$name")
  if [ "$status" -eq 0 ] && [ "$pass" -eq 0 ]; then results+=("ok"); elif [ "$status" -eq 0 ]; then results+=("ok     $pass passed"); else results+=("FAILED $pass passed, $fail failed (exit $status)"); fi
}

lint() {
  cargo fmt --check &&
    cargo clippy --quiet --all-targets -- -D warnings &&
    cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings &&
    RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps &&
    RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --target wasm32-unknown-unknown &&
    node_modules/.bin/tsc -p www/host/tsconfig.json &&
    echo "fmt, clippy and rustdoc (host, wasm32) and tsc --checkJs: clean"
}

tier "lint" lint
tier "build: release wasm + size budget" scripts/build.sh
tier "host: cargo test" cargo test --quiet
tier "browser: wasm-bindgen-test (headless Chromium)" cargo test --target wasm32-unknown-unknown --test web
tier "node: host shim and gallery logic" node --test tests/shim/ tests/gallery/
tier "end-to-end: preview page and gallery (Playwright, headless Chromium)" node --test tests/e2e/

printf '\n== summary ==\n'
for i in "${!names[@]}"; do
  printf '  %-58s %s\n' "${names[$i]}" "${results[$i]}"
done
echo "tests: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
