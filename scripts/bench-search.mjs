// `npm run bench:search`: how long one keystroke's search takes on the real data, and how big the data is.
// A benchmark, not a test: it prints figures (median and p95 over many runs) for the notes and the README.
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { runnerImport } from 'vite';
import { bankIndex, branchesOf } from './bank-data.mjs';

const { module: searchModule } = await runnerImport('./src/fields/bank-search.ts');
const { buildIndex, search, POPULAR_BANKS } = searchModule;

function measure(label, fn, runs = 2000) {
  for (let i = 0; i < 200; i++) fn(i); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.floor(q * (times.length - 1))].toFixed(3);
  console.log(`${label.padEnd(46)} median ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${at(1)} ms`);
}

const banks = bankIndex();
const largest = banks.map((b) => [b.code, branchesOf(b.code).length]).sort((a, b) => b[1] - a[1])[0];
const branches = branchesOf(largest[0]);

measure(`build the bank index (${banks.length} banks)`, () => buildIndex(banks, POPULAR_BANKS), 200);
measure(`build the branch index of ${largest[0]} (${largest[1]} branches)`, () => buildIndex(branches), 500);

const bankIdx = buildIndex(banks, POPULAR_BANKS);
const branchIdx = buildIndex(branches);
const bankQueries = ['み', 'みず', 'みずほ', '三菱', 'mufg', 'ゆうちょ', '0005', 'しんきん', 'ﾐﾂｲ', 'rakuten'];
const branchQueries = ['し', 'しぶ', 'しぶや', '渋谷', 'shibuya', '001', 'とうきょう', '新宿', 'ほんてん', 'ｵｵｻｶ'];
measure('search banks, one keystroke', (i) => search(bankIdx, bankQueries[i % bankQueries.length]));
measure(`search ${largest[1]} branches, one keystroke`, (i) => search(branchIdx, branchQueries[i % branchQueries.length]));

const gz = (value) => `${(gzipSync(JSON.stringify(value), { level: 9 }).length / 1024).toFixed(1)} kB gz`;
const raw = (value) => `${(JSON.stringify(value).length / 1024).toFixed(1)} kB`;
console.log(`banks/index.json: ${raw(banks)}, ${gz(banks)}`);
console.log(`banks/${largest[0]}.json (largest): ${raw(branches)}, ${gz(branches)}`);
const all = banks.reduce((sum, b) => sum + JSON.stringify(branchesOf(b.code)).length, 0);
console.log(`all branch files: ${banks.length} files, ${(all / 1024 / 1024).toFixed(1)} MB raw`);
