import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * One build for every host: the Electron main process and the web shell and CLI (all Node, in out/main), the
 * sandboxed preload (CommonJS, as sandboxed preloads must be), and the renderer both hosts serve.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          electron: resolve('src-main/hosts/electron/main.ts'),
          web: resolve('src-main/hosts/web/main.ts'),
          cli: resolve('src-main/hosts/cli/main.ts'),
          'import-worker': resolve('src-main/services/importers/import-worker.ts'),
          'sync-floor-worker': resolve('src-main/hosts/cli/bench/sync-floor-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve('src-main/hosts/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
