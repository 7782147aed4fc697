// Serves dist/ on http://127.0.0.1:PORT (default 8080) and prints the URL.
import { serve } from '../tests/e2e/lib.mjs';
const port = Number(process.env.PORT ?? 8080);
const { url } = await serve(new URL('../dist', import.meta.url).pathname, port);
console.log(`wacost is served at ${url}/  (widget demo: ${url}/examples/pricing.html) — Ctrl-C to stop`);
