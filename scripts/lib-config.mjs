// The vite settings of the library build, shared by `npm run build` and the floor of `npm run bench`.
import { minifyTemplatesPlugin } from './minify-templates.mjs';

/**
 * One entry as an ES module in `outDir`, named `${name}.js`, with the chunks it loads lazily beside it as
 * `${name}.<module>-<hash>.js` (each entry's own, so that entries built one after another never share a name).
 */
export function libConfig({ entry, name, outDir = 'dist' }) {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplatesPlugin()],
    build: {
      outDir,
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
  };
}
