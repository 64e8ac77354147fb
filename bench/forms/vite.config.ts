import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The bench pages, built for production like the portal (portal/vite.config.ts): the model bundled from its
// TypeScript source, TSX through oxc. Relative asset URLs, so run.js can serve dist/ from any path.
export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  resolve: { alias: { '@oneseal/schemas': here('../../schemas/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      input: {
        oneseal: here('./oneseal.html'),
        rjsf: here('./rjsf.html'),
        floor: here('./floor.html'),
      },
      // antd marks its modules "use client" for React Server Components; meaningless in this bundle.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
});
