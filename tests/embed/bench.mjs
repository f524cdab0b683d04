// Benchmark: the postmortem package against markdownlint (its default rules, sync API), per
// document, in the same Node.js process. Run `cargo xtask npm`, then
// `node tests/embed/bench.mjs` (`--quick` for a short run).
import { lint } from 'markdownlint/sync';
import { loadPackage, loadSeeds } from './support/package.mjs';

const QUICK = process.argv.includes('--quick');
/** Each measurement runs at least this long, and at least `MIN_RUNS` times. */
const MIN_MILLISECONDS = QUICK ? 200 : 1500;
const MIN_RUNS = QUICK ? 3 : 10;
const LARGE_WORDS = 50_000;

const pm = await loadPackage();
const seeds = await loadSeeds();

const words = (text) => text.split(/\s+/).filter(Boolean).length;

/** A large document: the longest seed repeated until it has `LARGE_WORDS` words. */
function largeDocument() {
  const [name, seed] = seeds.reduce((longest, next) => (words(next[1]) > words(longest[1]) ? next : longest));
  const copies = Math.ceil(LARGE_WORDS / words(seed));
  return [`${name} ×${copies}`, Array.from({ length: copies }, () => seed).join('\n\n')];
}

/** Milliseconds per call of `run`, after a warm-up, over at least MIN_MILLISECONDS. */
function measure(run) {
  for (let warm = 0; warm < 3; warm += 1) run();
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (runs < MIN_RUNS || elapsed < MIN_MILLISECONDS) {
    run();
    runs += 1;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return elapsed / runs;
}

const validators = {
  postmortem: (text) => pm.validate(text).diagnostics.length,
  markdownlint: (text) => lint({ strings: { document: text } }).document.length,
};

const documents = [...seeds, largeDocument()];
const rows = [];
for (const [name, text] of documents) {
  const row = { name, words: words(text), bytes: Buffer.byteLength(text) };
  for (const [tool, validate] of Object.entries(validators)) {
    row[`${tool} findings`] = validate(text);
    row[tool] = measure(() => validate(text));
  }
  row.ratio = row.markdownlint / row.postmortem;
  rows.push(row);
}

const ms = (value) => `${value.toFixed(3)} ms`;
console.log(`postmortem ${pm.version()} (wasm) vs markdownlint 0.40.0 (default rules), Node.js ${process.version}\n`);
console.log(
  ['document', 'words', 'postmortem', 'markdownlint', 'faster'].map((cell, index) => (index ? cell.padStart(14) : cell.padEnd(34))).join(''),
);
for (const row of rows) {
  console.log(
    [
      row.name.padEnd(34),
      String(row.words).padStart(14),
      ms(row.postmortem).padStart(14),
      ms(row.markdownlint).padStart(14),
      `${row.ratio.toFixed(1)}×`.padStart(14),
    ].join(''),
  );
}
const seedRows = rows.slice(0, seeds.length);
const mean = (tool) => seedRows.reduce((sum, row) => sum + row[tool], 0) / seedRows.length;
const large = rows.at(-1);
console.log(
  `\nseeds, mean per document: postmortem ${ms(mean('postmortem'))}, markdownlint ${ms(mean('markdownlint'))}, ` +
    `${(mean('markdownlint') / mean('postmortem')).toFixed(1)}× faster`,
);
console.log(
  `${LARGE_WORDS.toLocaleString('en')}-word document: postmortem ${ms(large.postmortem)}, markdownlint ${ms(large.markdownlint)}, ` +
    `${large.ratio.toFixed(1)}× faster`,
);
