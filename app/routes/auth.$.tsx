import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateStaff } from "~/shopify/staff-auth.server";

// Catch-all for the library's auth paths (/auth/session-token bounce, /auth/exit-iframe, ...).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticateStaff(request);
  return null;
};
