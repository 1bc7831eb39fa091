import type { APIRoute } from 'astro';
import icon from '../assets/favicon.svg?raw';

/**
 * `/favicon.svg`, Newsprint's own icon (a printed page), for a site whose `public/` has none:
 * every view links an icon, and the structured data names it as the publisher's logo.
 */
export const GET: APIRoute = () => new Response(icon, { headers: { 'content-type': 'image/svg+xml' } });
