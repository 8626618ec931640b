import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build lands where Quarkus serves static files from a jar (META-INF/resources): the gateway depends on it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'target/classes/META-INF/resources', emptyOutDir: true },
  server: { port: 5173, proxy: { '/api': 'http://localhost:8080', '/public': 'http://localhost:8080', '/config.json': 'http://localhost:8080', '/preview': 'http://localhost:8080' } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
