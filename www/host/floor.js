// The WebAssembly floor: the features the module is built with (the toolchain's wasm32 output),
// each checked with a module of a few bytes that validates only where the feature is. The
// build fails when the module starts needing a feature not listed here
// (scripts/wasm-features.mjs); below the floor the module is not fetched at all.
//
// Each feature and the Chrome (WebView) version that shipped it: sign-ext 74, mutable-globals
// 74, nontrapping-fptoint 75, bulk-memory 75, multivalue 85, reference-types 96. The floor is
// therefore Chrome 96.

/** The 8-byte header of every module. */
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** A section: its id, its length, its bytes (each probe's sections are under 128 bytes). */
const section = (/** @type {number} */ id, /** @type {number[]} */ bytes) => [id, bytes.length, ...bytes];

/** One function of type 0 with this body (locals count first). */
const func = (/** @type {number[]} */ type, /** @type {number[]} */ body, /** @type {number[]} */ extra = []) => [
  ...HEADER,
  ...section(1, [1, ...type]),
  ...section(3, [1, 0]),
  ...extra,
  ...section(10, [1, body.length, ...body]),
];

/** Feature name (as the toolchain names it) → a module that needs exactly that feature. */
export const PROBES = {
  // (func (param i32) (result i32) local.get 0 i32.extend8_s)
  'sign-ext': func([0x60, 1, 0x7f, 1, 0x7f], [0, 0x20, 0, 0xc0, 0x0b]),
  // (func (param f32) (result i32) local.get 0 i32.trunc_sat_f32_s)
  'nontrapping-fptoint': func([0x60, 1, 0x7d, 1, 0x7f], [0, 0x20, 0, 0xfc, 0x00, 0x0b]),
  // (memory 1) (func i32.const 0 i32.const 0 i32.const 0 memory.fill)
  'bulk-memory': func([0x60, 0, 0], [0, 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x0b, 0, 0x0b], section(5, [1, 0, 1])),
  // (func (result i32 i32) i32.const 0 i32.const 0)
  multivalue: func([0x60, 0, 2, 0x7f, 0x7f], [0, 0x41, 0, 0x41, 0, 0x0b]),
  // (func (result externref) ref.null extern)
  'reference-types': func([0x60, 0, 1, 0x6f], [0, 0xd0, 0x6f, 0x0b]),
  // (import "a" "b" (global (mut i32)))
  'mutable-globals': [...HEADER, ...section(2, [1, 1, 0x61, 1, 0x62, 3, 0x7f, 1])],
};

/**
 * What this WebView lacks of the floor: `['WebAssembly']` when it has none at all, else the
 * features whose probe does not validate (empty when the module can run).
 * @param {{ validate(bytes: BufferSource): boolean } | undefined} [wasm]
 * @returns {string[]}
 */
export function missingFeatures(wasm = typeof WebAssembly === 'undefined' ? undefined : WebAssembly) {
  if (!wasm || typeof wasm.validate !== 'function') return ['WebAssembly'];
  return Object.entries(PROBES)
    .filter(([, bytes]) => {
      try {
        return !wasm.validate(new Uint8Array(bytes));
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}
