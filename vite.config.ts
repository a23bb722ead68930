import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Vite settings shared by the render page build (src/render/bundle.ts), the
 * studio dev server and vitest. The render bundle is not minified, so React
 * component stacks in scene errors keep their component names.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    minify: false,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
  },
});
