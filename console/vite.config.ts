import { defineConfig } from 'vite';

/**
 * The console is built by the root's Vite (`vite build --config console/vite.config.ts`) into
 * console/dist, which the API serves at /console. Preact's JSX is compiled by esbuild, so no
 * Babel-based plugin is needed.
 */
export default defineConfig({
  root: 'console',
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Everything ships with the API process: no CDN, no external fonts, nothing fetched at run time.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2022',
  },
});
