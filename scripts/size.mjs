// `npm run size`: the size budgets, in gzip bytes, checked in CI. Prints every figure; fails past a budget.
//
// Each entry in dist/ is a module plus chunks beside it (scripts/build.mjs). The figures follow the import graph
// of the built files, read from the files themselves:
// - first view: the entry, every chunk it imports statically (transitively), and the language chunk it imports
//   at once (the larger of ja and en, with its own static imports): what runs before the first input shows.
//   The first step (entry / choice of method) is in the static part.
// - whole flow: every chunk reachable from the entry, static or dynamic (both languages, the later steps, the
//   bank form): what a shopper downloads when everything has been prefetched. Each chunk is gzipped on its own,
//   as a server sends it.
//
// `target` is what the issue asked for; `budget` is what CI enforces. lit (~6.4 kB gz) and zod/mini's object
// parser (~7.2 kB gz) alone take ~13.6 kB of every first view (the order or the claim is parsed before the first
// input shows), so the first-view targets cannot be met with the chosen stack, and splitting costs gzip its
// shared dictionary, so each whole flow is larger than the single file it replaced. The enforced budgets sit just
// above today's figures so that growth is still caught; README's Size section has the figures and the why.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Measured after the phone-first work of both widgets landed beside the split (code boxes per script, running
// total, skeleton, accordion, romaji, dark theme): checkout first view 28.8 kB, whole 31.3 kB; claim first view
// 29.4 kB, whole 45.4 kB; index.js 56.2 kB. The claim's one-time code step added 1.5 kB to the claim's first view
// (its flow states 0.8, the element's wiring and styles 0.4, the ja words 0.3), 2.8 kB to its whole flow (the lazy
// step 1.1, both languages) and 2.7 kB to index.js; those budgets rose by exactly that. With saved accounts
// (0.5 kB first view, 1.0 whole), arrival dates (0.4 / 0.6), refunds' receipt (checkout whole 0.4) and the copy
// review merged as well: claim first view 32.0 kB, whole 49.9 kB, index.js 61.1 kB; the budgets sit 0.3-0.5 above.
const KB = 1024;
const DIST = 'dist';

/** The relative imports of one built file: static (`from"./x.js"`, `import"./x.js"`) and dynamic (`import("./x.js")`). */
export function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const dir = dirname(file);
  const resolve = (spec) => join(dir, spec);
  const dynamic = [...code.matchAll(/\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g)].map((m) => resolve(m[2]));
  const withoutDynamic = code.replace(/\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g, '');
  const staticImports = [...withoutDynamic.matchAll(/(?:\bfrom|\bimport)\s*(["'`])(\.{1,2}\/[^"'`]+)\1/g)].map((m) => resolve(m[2]));
  return { static: [...new Set(staticImports)], dynamic: [...new Set(dynamic)] };
}

/** The file and everything it imports statically, transitively. */
export function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const next of importsOf(file).static) staticClosure(next, seen);
  return seen;
}

/** Everything reachable from the file, static or dynamic. */
export function fullClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const { static: s, dynamic: d } = importsOf(file);
  for (const next of [...s, ...d]) fullClosure(next, seen);
  return seen;
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const sum = (files) => [...files].reduce((total, f) => total + gz(f), 0);

/** A language chunk: built from src/i18n/<widget>-<lang>.ts (scripts/build.mjs names chunks after their module). */
const LANGUAGE_CHUNK = /-(ja|en)-[\w-]+\.js$/;

/** First view and whole flow of one entry, with the files of each. */
export function flowSizes(entry) {
  const first = staticClosure(entry);
  const dynamic = [...first].flatMap((f) => importsOf(f).dynamic);
  const languages = [...new Set(dynamic.filter((f) => LANGUAGE_CHUNK.test(basename(f))))];
  if (languages.length === 0) throw new Error(`${entry}: no language chunk among its dynamic imports`);
  // The larger language, with whatever it imports statically that the entry has not already loaded.
  const withLanguage = languages.map((lang) => new Set([...first, ...staticClosure(lang)])).reduce((a, b) => (sum(a) >= sum(b) ? a : b));
  const whole = fullClosure(entry);
  return { firstView: sum(withLanguage), firstFiles: withLanguage, whole: sum(whole), wholeFiles: whole };
}

const WIDGETS = [
  { entry: 'prepaid-checkout.js', firstView: { budget: 29.5 * KB, target: 18 * KB }, whole: { budget: 32.3 * KB, target: 23.8 * KB } },
  { entry: 'payout-claim.js', firstView: { budget: 32.3 * KB, target: 20 * KB }, whole: { budget: 50.3 * KB, target: 31.3 * KB } },
];
const FILES = [
  { file: 'index.js', budget: 61.5 * KB, target: null, whole: true },
  { file: 'banks/index.json', budget: 40 * KB, target: 40 * KB },
];

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  let failed = false;
  const fmt = (n) => (n === null ? '—' : `${(n / KB).toFixed(1)} kB`).padStart(10);
  const row = (label, size, { budget, target }) => {
    const over = size > budget;
    failed ||= over;
    const note = over ? 'OVER BUDGET' : target !== null && size > target ? 'ok (above target)' : 'ok';
    console.log(label.padEnd(44), fmt(size), fmt(budget), fmt(target), note);
  };
  console.log('gzip'.padEnd(44), 'size'.padStart(10), 'budget'.padStart(10), 'target'.padStart(10));
  for (const { entry, firstView, whole } of WIDGETS) {
    const path = join(DIST, entry);
    if (!existsSync(path)) {
      console.log(`${path}: missing, run npm run build first`);
      failed = true;
      continue;
    }
    const sizes = flowSizes(path);
    row(`${entry} first view (${sizes.firstFiles.size} files)`, sizes.firstView, firstView);
    row(`${entry} whole flow (${sizes.wholeFiles.size} files)`, sizes.whole, whole);
    // What splitting costs: the same files as one gzip stream (the dictionary shared, as in the single file).
    const oneStream = gzipSync(Buffer.concat([...sizes.wholeFiles].map((f) => readFileSync(f))), { level: 9 }).length;
    console.log(`  (whole flow as one gzip stream: ${(oneStream / KB).toFixed(1)} kB)`);
    if (process.argv.includes('--files')) {
      for (const f of sizes.wholeFiles) console.log(`  ${sizes.firstFiles.has(f) ? 'first' : 'later'} ${fmt(gz(f))} ${basename(f)}`);
    }
  }
  for (const { file, budget, target, whole } of FILES) {
    const path = join(DIST, file);
    if (!existsSync(path)) {
      console.log(`${path}: missing, run npm run build first`);
      failed = true;
      continue;
    }
    const size = whole ? sum(fullClosure(path)) : gz(path);
    row(whole ? `${file} with all its chunks` : file, size, { budget, target });
  }
  if (failed) {
    console.error('size budget check failed');
    process.exit(1);
  }
}
