// `npm run build`: one vite library-mode build per entry point, so that each file in dist/ is a
// self-contained ES module (lit and zod inside, no shared chunks) that a merchant can copy as it is.
// Then the type declarations (tsc) and the custom elements manifest.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { build } from 'vite';
import { writeBankData } from './bank-data.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

export const ENTRIES = {
  'prepaid-checkout': 'src/prepaid-checkout.ts',
  'payout-claim': 'src/payout-claim.ts',
  index: 'src/index.ts',
};

rmSync('dist', { recursive: true, force: true });

for (const [name, entry] of Object.entries(ENTRIES)) {
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplatesPlugin()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
      // Library mode keeps whitespace in ES output for downstream bundlers; these files are also served
      // as they are from a CDN, so minify them fully.
      rolldownOptions: { output: { minify: true, chunkFileNames: `${name}.[name]-[hash].js` } },
    },
  });
}

// The ready claim page a merchant can host as it is, and the bank data beside the modules.
cpSync('pages', 'dist', { recursive: true });
const banks = writeBankData('dist/banks');

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// The analyzer needs TypeScript's JS API (5.x; it brings its own), unlike a native tsc 7.
execFileSync('npx', ['cem', 'analyze', '--quiet'], { stdio: 'inherit' });
console.log(
  'built dist/:',
  Object.keys(ENTRIES)
    .map((n) => `${n}.js`)
    .join(', '),
  `+ claim.html, banks/ (${banks} banks), types, custom-elements.json`,
);
