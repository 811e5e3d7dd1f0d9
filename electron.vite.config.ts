// Desktop build: main (ESM, the package is "type": "module") → out/main/index.js; preload forced to
// CommonJS → out/preload/index.cjs (a sandboxed preload cannot be an ES module); renderer → out/renderer,
// the same Vite config as browser mode. Only `dependencies` (electron-store) stay external in main; the
// preload bundles everything (a sandboxed preload can require nothing but `electron`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      externalizeDeps: true,
      sourcemap: true,
      rollupOptions: {
        input: { index: here('electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      externalizeDeps: false,
      sourcemap: true,
      rollupOptions: {
        input: { index: here('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: here('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: here('renderer/index.html') } },
    },
  },
});
