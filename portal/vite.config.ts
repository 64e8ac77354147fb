import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The citizen portal, served by the API at /. The model is bundled from its TypeScript source (ES modules), as the
// server runs it; the form renderer comes from @oneseal/runtime/web, the same one the designer's preview uses.
export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: { alias: { '@oneseal/schemas': here('../schemas/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in this bundle.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
