import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The release build served by the repository's own server configurations (deploy/), each started
// from Debian's packages by deploy/serve.sh on 127.0.0.1, each from its own copy of dist/ (the
// update test rewrites files of the copy it serves, as a new release would).
const dist = process.env.E2E_DIST || 'dist';
const servers = [
  { name: 'nginx', port: Number(process.env.E2E_NGINX_PORT || 4280) },
  { name: 'caddy', port: Number(process.env.E2E_CADDY_PORT || 4281) },
];
const served = (name: string) => `test-results/hosting/${name}`;

export default defineConfig({
  ...base,
  testDir: 'tests/hosting',
  outputDir: 'test-results/hosting-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/hosting.json' }]],
  webServer: servers.map(({ name, port }) => ({
    command: `rm -rf ${served(name)} && mkdir -p test-results/hosting && cp -r ${dist} ${served(name)} && exec deploy/serve.sh ${name} --port ${port} --dist ${served(name)}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  })),
  projects: servers.map(({ name, port }) => ({
    name,
    use: { ...base.use, baseURL: `http://127.0.0.1:${port}/` },
    metadata: { served: served(name) },
  })),
});
