import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { authenticateStaff } from "~/shopify/staff-auth.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

// every embedded screen's document has a title (axe: document-title; screen readers announce it)
export const meta = () => [{ title: "Returns" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  // Verifies the session token (signature, audience, expiry, an admin token) and exchanges it for an access token.
  await authenticateStaff(request);
  return {
    apiKey: process.env.SHOPIFY_API_KEY || "",
    // Where App Bridge is loaded from: Shopify's CDN unless configured (the offline demo serves a local
    // stand-in of it that hands over session tokens minted by the local Shopify; they are verified as usual).
    appBridgeUrl: process.env.SHOPIFY_APP_BRIDGE_URL || undefined,
  };
};

export default function App() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <NavMenu>
        <Link to="/app" rel="home">
          Returns
        </Link>
        <Link to="/app/requests">Requests</Link>
        <Link to="/app/policy">Policy</Link>
        <Link to="/app/analytics">Analytics</Link>
        <Link to="/app/activity">Activity</Link>
        <Link to="/app/settings">Settings</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses (e.g. the bounce page) and add its headers.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
