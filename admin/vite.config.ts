import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves admin/dist at `/` and GraphQL at `/graphql` on one origin; in dev, Vite proxies to it.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/graphql': process.env.YIZHAN_API_URL ?? 'http://localhost:4000', '/api': process.env.YIZHAN_API_URL ?? 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2500,
    // The GraphQL explorer (served at /graphql to browsers), the developer guide (/developers), the volunteer sign-up
    // page (/join, /me, /checkin) and the public station finder (/find, admin/src/finder: none of the admin's code)
    // are pages of their own.
    rolldownOptions: { input: { main: 'index.html', explorer: 'explorer.html', developers: 'developers.html', signup: 'signup.html', find: 'find.html' } },
  },
});
