import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { precompress } from './build/precompress.ts';

const server = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [vue(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/socket.io': { target: server, ws: true },
      '/api': { target: server },
    },
  },
});
