import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const server = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [vue()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/socket.io': { target: server, ws: true },
      '/api': { target: server },
    },
  },
});
