// Home's note about Shopify's own self-serve returns (app/services/admin-views/self-serve-returns.ts).
import { Form } from "@remix-run/react";
import { Banner, BlockStack, Button } from "@shopify/polaris";
import type { SelfServeNotice } from "~/services/admin-views/self-serve-returns";

/** The form intent that hides the note. */
export const DISMISS_SELF_SERVE = "dismiss-self-serve-note";

const TURN_OFF =
  "In your Shopify admin, go to Settings > Customer accounts (Checkout and accounts in some stores) and turn off Self-serve returns.";

/** Shopify's own self-serve returns beside ours: a one-time note, or a warning once requests came through them. */
export function SelfServeBanner({ notice, busy }: { notice: SelfServeNotice; busy: boolean }) {
  if (!notice) return null;
  const arrived = notice.kind === "arrived";
  return (
    <Banner
      tone={arrived ? "warning" : "info"}
      title={arrived ? "Shopify's own return requests are still on" : "Turn off Shopify's own return requests"}
    >
      <BlockStack gap="200">
        <p>
          {arrived
            ? `${notice.count === 1 ? "1 return request" : `${notice.count} return requests`} came in through Shopify's built-in returns (most recently for order ${notice.latestOrderName}). They arrive without photos or the customer's answers to your policy's questions, and customers see two "Request return" buttons on their orders.`
            : `While Shopify's built-in returns are on, customers see two "Request return" buttons on their orders, and requests made with Shopify's arrive here without photos or the customer's answers to your policy's questions.`}
        </p>
        <p>{TURN_OFF}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={DISMISS_SELF_SERVE} />
          <Button submit loading={busy}>
            {arrived ? "I've turned them off" : "Hide this note"}
          </Button>
        </Form>
      </BlockStack>
    </Banner>
  );
}
