// `npm run build`: one vite library-mode build per entry point. Each entry is an ES module with its own chunks
// beside it (`<entry>.<module>-<hash>.js`: each language, the later steps, the bank form), loaded with relative
// `import()`s, so dist/ works as it is from any folder or CDN path. The entries share no chunk: each one's first
// view is only what it needs (one bundler graph per entry tree-shakes the other widget's code and strings away),
// and a page loads one entry. A page with two entries loads lit twice, as before (the CSP allows lit's duplicate
// Trusted Types policy).
// Then the type declarations (tsc) and the custom elements manifest.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { build } from 'vite';
import { writeBankData } from './bank-data.mjs';
import { buildServer } from './build-server.mjs';
import { libConfig } from './lib-config.mjs';
import { writeOpenApi } from './openapi.mjs';

export const ENTRIES = {
  'prepaid-checkout': 'src/prepaid-checkout.ts',
  'payout-claim': 'src/payout-claim.ts',
  index: 'src/index.ts',
};

rmSync('dist', { recursive: true, force: true });

for (const [name, entry] of Object.entries(ENTRIES)) {
  await build(libConfig({ entry, name }));
}

// The ready claim page a merchant can host as it is, and the bank data beside the modules.
cpSync('pages', 'dist', { recursive: true });
const banks = writeBankData('dist/banks');

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// The merchant backend for Node (dist/server/), and the OpenAPI document of both APIs from the zod contract.
await buildServer();
await writeOpenApi('dist/openapi.json');
// The analyzer needs TypeScript's JS API (5.x; it brings its own), unlike a native tsc 7.
execFileSync('npx', ['cem', 'analyze', '--quiet'], { stdio: 'inherit' });
console.log(
  'built dist/:',
  Object.keys(ENTRIES)
    .map((n) => `${n}.js`)
    .join(', '),
  `+ claim.html, banks/ (${banks} banks), types, custom-elements.json, server/, openapi.json`,
);
