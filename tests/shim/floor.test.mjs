// The WebAssembly floor: each probe needs exactly its feature (checked against binaryen's
// validator with and without it), the WebView's own validator is asked for each, and the
// build refuses a module that needs a feature without a probe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import binaryen from 'binaryen';
import { PROBES, missingFeatures } from '../../www/host/floor.js';
import { targetFeatures, unchecked } from '../../scripts/wasm-features.mjs';

const F = binaryen.Features;
/** binaryen's flags for each feature (bulk memory comes with its optional part). */
const FLAGS = {
  'sign-ext': F.SignExt,
  'nontrapping-fptoint': F.NontrappingFPToInt,
  'bulk-memory': F.BulkMemory | F.BulkMemoryOpt,
  multivalue: F.Multivalue,
  'reference-types': F.ReferenceTypes,
  'mutable-globals': F.MutableGlobals,
};

/** binaryen's validator on `bytes` with only `features` enabled. */
function valid(bytes, features) {
  const module = binaryen.readBinary(new Uint8Array(bytes));
  module.setFeatures(features);
  // It prints what it refuses to stdout; for the MVP runs that is the expected outcome, so
  // it is kept out of the test's output.
  const write = process.stdout.write;
  const error = process.stderr.write;
  process.stdout.write = () => true;
  process.stderr.write = () => true;
  try {
    return module.validate() === 1;
  } finally {
    process.stdout.write = write;
    process.stderr.write = error;
    module.dispose();
  }
}

test('each probe needs exactly its feature: invalid in the MVP, valid with it', () => {
  assert.deepEqual(Object.keys(PROBES).sort(), Object.keys(FLAGS).sort());
  for (const [name, bytes] of Object.entries(PROBES)) {
    assert.equal(valid(bytes, F.MVP), false, `${name} without the feature`);
    assert.equal(valid(bytes, FLAGS[name]), true, `${name} with it`);
  }
});

test("the WebView's validator decides; no WebAssembly at all is below the floor", () => {
  assert.deepEqual(missingFeatures(), [], "this Node's V8 has every feature");
  const withoutRefs = {
    validate: (bytes) => {
      const probe = new Uint8Array(PROBES['reference-types']);
      return !(bytes.length === probe.length && bytes.every((b, i) => b === probe[i]));
    },
  };
  assert.deepEqual(missingFeatures(withoutRefs), ['reference-types']);
  assert.deepEqual(missingFeatures({ validate: () => { throw new Error('no'); } }), Object.keys(PROBES));
  assert.deepEqual(missingFeatures(/** @type {any} */ ({})), ['WebAssembly']);
});

test('the build refuses a module that needs a feature the floor does not check', () => {
  assert.deepEqual(unchecked(['bulk-memory', 'bulk-memory-opt', 'call-indirect-overlong', 'sign-ext']), []);
  assert.deepEqual(unchecked(['simd128', 'sign-ext', 'tail-call']), ['simd128', 'tail-call']);
  // The module this build made (cargo's output, before wasm-bindgen drops the section).
  const file = new URL('../../target/wasm32-unknown-unknown/release/glance_renderer.wasm', import.meta.url);
  if (existsSync(file)) {
    const features = targetFeatures(readFileSync(file));
    assert.ok(features && features.includes('reference-types'), String(features));
    assert.deepEqual(unchecked(features), []);
  }
});
