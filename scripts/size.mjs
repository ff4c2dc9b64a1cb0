// Prints what the lock screen loads: the Wasm module, its JS glue, the host shim, the sampler
// worker and the stylesheet, raw and compressed, as they ship (www/pkg/: the wasm-bindgen + wasm-opt output,
// the minified glue, shim and stylesheet).
// Exits non-zero when the gzip total exceeds the budget in scripts/size-budget.json
// (GLANCE_SIZE_BUDGET=<bytes> overrides it, for testing the check itself).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const www = new URL('../www/', import.meta.url).pathname;

function files(dir, test) {
  return readdirSync(join(www, dir))
    .filter((f) => test(f) && statSync(join(www, dir, f)).isFile())
    .map((f) => join(dir, f));
}

const groups = [
  ['wasm', files('pkg', (f) => f.endsWith('.wasm'))],
  ['js (glue)', files('pkg', (f) => f.endsWith('.js') && f !== 'glance_host.js' && f !== 'glance_sampler.js')],
  ['js (host shim)', ['pkg/glance_host.js']],
  // Loaded by the glue after the first card, when a picture is sampled.
  ['js (sampler)', ['pkg/glance_sampler.js']],
  ['css', ['pkg/glance.css']],
];

// wasm-bindgen's inline JS snippets live in pkg/snippets/<crate-hash>/inline*.js.
try {
  for (const d of readdirSync(join(www, 'pkg/snippets'))) {
    groups[1][1].push(...files(join('pkg/snippets', d), (f) => f.endsWith('.js')));
  }
} catch {
  // no snippets
}

const kib = (n) => (n / 1024).toFixed(1).padStart(7) + ' KiB';
let total = { raw: 0, gzip: 0, br: 0 };
console.log('\nsize of what the lock screen loads');
console.log('  part              raw        gzip      brotli');
for (const [name, list] of groups) {
  const data = Buffer.concat(list.map((f) => readFileSync(join(www, f))));
  const raw = data.length;
  const gzip = gzipSync(data, { level: 9 }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total = { raw: total.raw + raw, gzip: total.gzip + gzip, br: total.br + br };
  console.log(`  ${name.padEnd(15)}${kib(raw)} ${kib(gzip)} ${kib(br)}`);
}
console.log(`  ${'total'.padEnd(15)}${kib(total.raw)} ${kib(total.gzip)} ${kib(total.br)}`);

const budgetFile = new URL('./size-budget.json', import.meta.url);
const budget = Number(process.env.GLANCE_SIZE_BUDGET ?? JSON.parse(readFileSync(budgetFile, 'utf8')).gzip_bytes);
const share = ((total.gzip / budget) * 100).toFixed(1);
if (total.gzip > budget) {
  console.error(`size budget exceeded: ${total.gzip} bytes gzip > ${budget} (scripts/size-budget.json)`);
  process.exit(1);
}
console.log(`size budget: ${total.gzip} of ${budget} bytes gzip (${share} %)\n`);
