import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/** The team server and its admin CLI, built for Node into out/server (dependencies stay in node_modules). */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/server',
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: {
      input: {
        server: resolve('src-server/hosts/server-main.ts'),
        admin: resolve('src-server/hosts/admin-cli.ts'),
      },
      external: [...Object.keys(pkg.dependencies), ...builtinModules, /^node:/, /^@fastify\//],
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
});
