import type { AstroIntegration } from 'astro';

/**
 * Starts the site's own dev server on 127.0.0.1 (a free port), so the pre-press check can
 * measure page views exactly as `npm run dev` shows them, without building the site. The
 * site's base path comes from its resolved config.
 */
export async function startSite(root: string): Promise<{ url: string; stop(): Promise<void> }> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { dev } = await import('astro');
  let base = '/';
  const spy: AstroIntegration = {
    name: 'newsprint-preflight-base',
    hooks: { 'astro:config:done': ({ config }) => void (base = config.base) },
  };
  const server = await dev({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0 }, devToolbar: { enabled: false }, integrations: [spy] });
  const { port } = server.address;
  return { url: `http://127.0.0.1:${port}${base.endsWith('/') ? base : `${base}/`}`, stop: () => server.stop() };
}
