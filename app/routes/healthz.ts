// Liveness probe for process managers and the demo/e2e harness. Reveals nothing about shops.
export const loader = () => new Response("ok", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
