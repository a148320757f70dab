// The server module (`prepaid-payout-widgets/server`) for Node: an SSR library build into dist/server/, its
// dependencies left external (pglite, pg, zod, zengin-code, @holiday-jp/holiday_jp, node built-ins), and its type declarations.
// Kept apart from the browser bundles, which never import src/server/.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { build } from 'vite';

const external = [/^node:/, ...builtinModules, '@electric-sql/pglite', 'pg', /^zod(\/|$)/, 'zengin-code', /^@holiday-jp\/holiday_jp(\/|$)/];

export async function buildServer() {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: 'dist/server',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: { index: 'src/server/index.ts', serve: 'src/server/serve.ts' },
        external,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { stdio: 'inherit' });
}
