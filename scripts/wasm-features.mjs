// Fails the build when the module needs a WebAssembly feature the shim does not check for
// before loading it (www/host/floor.js): the compiler records the features it used in the
// module's `target_features` section, read here from cargo's output (wasm-bindgen and wasm-opt
// drop the section afterwards).
import { readFileSync } from 'node:fs';
import { PROBES } from '../www/host/floor.js';

/** The compiler's names for parts of a listed feature. */
const PART_OF = {
  'bulk-memory-opt': 'bulk-memory',
  'call-indirect-overlong': 'reference-types',
};

/** The features in a module's `target_features` custom section (`+name` entries). */
export function targetFeatures(/** @type {Uint8Array} */ bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const text = (/** @type {number} */ n) => {
    const s = new TextDecoder().decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = leb() + at;
    if (id === 0 && text(leb()) === 'target_features') {
      const features = [];
      for (let count = leb(); count > 0; count--) {
        const prefix = String.fromCharCode(bytes[at++]);
        const name = text(leb());
        if (prefix === '+') features.push(name);
      }
      return features;
    }
    at = end;
  }
  return null;
}

/** The features a module needs that the floor does not check for. */
export function unchecked(/** @type {string[]} */ features) {
  return features.filter((f) => !Object.hasOwn(PROBES, PART_OF[f] ?? f));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'target/wasm32-unknown-unknown/release/glance_renderer.wasm';
  const features = targetFeatures(readFileSync(file));
  if (features === null) {
    console.error(`${file}: no target_features section; cannot check the WebAssembly floor`);
    process.exit(1);
  }
  const extra = unchecked(features);
  if (extra.length > 0) {
    console.error(`the module needs WebAssembly features the shim does not check before loading it: ${extra.join(', ')}.`);
    console.error('Add a probe for each to www/host/floor.js (and raise the floor in www/host/README.md and README.md), or build without them.');
    process.exit(1);
  }
  console.log(`WebAssembly features: ${features.join(', ')} (all checked by www/host/floor.js)`);
}
