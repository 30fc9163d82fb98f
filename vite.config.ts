// Builds the renderer (renderer/index.html) into dist/renderer, which Electron serves as app://riskdesk/ and
// the browser host over http://127.0.0.1. `base: './'` keeps every asset URL relative, so either works; the
// output has no inline script and no eval, so it runs under the strict Content-Security-Policy of both.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the shipped app: they would triple its renderer's size on disk.
    sourcemap: false,
    // Chromium (Electron 45, current browsers) supports modulepreload itself.
    modulePreload: { polyfill: false },
    // AG Grid and Recharts are large by nature; a desktop app loads them from disk.
    chunkSizeWarningLimit: 4000,
  },
});
