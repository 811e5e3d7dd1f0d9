// The renderer's build, shared by browser mode (`npm run build:web` → dist-web/) and by electron-vite
// (electron.vite.config.ts reuses `rendererConfig`), so the web demo and the desktop app ship the same bundle.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const packageJson: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const version =
  typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson
    ? String(packageJson.version)
    : '0.0.0';

export const rendererConfig = {
  root,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
} satisfies UserConfig;

export default defineConfig({
  ...rendererConfig,
  build: {
    ...rendererConfig.build,
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
  },
  preview: { host: '127.0.0.1' },
});
