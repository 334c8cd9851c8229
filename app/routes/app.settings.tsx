// Settings: whether Shopify emails the customer on our actions, auto-approval, default resolution.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { adminContext } from "~/services/admin-views/context.server";
import { loadSettings, saveSettings } from "~/services/staff/settings";
import { SettingsPage } from "~/components/settings/SettingsPage";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  return loadSettings(ctx, ctx.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const saved = await saveSettings(ctx, ctx.shop, await request.formData(), { installed: ctx.shopRecord !== null });
  if (!saved.ok) return Response.json(saved, { status: 422 });
  return saved;
};

export default function Settings() {
  return <SettingsPage {...useLoaderData<typeof loader>()} />;
}
