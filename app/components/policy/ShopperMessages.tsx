// The policy editor's shopper texts: any built-in message can be reworded, per language. The merchant
// picks a message by what it is for and sees the built-in text it replaces; {placeholders} stay as they are.
import { BlockStack, Button, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { LOCALES, type Locale } from "~/returns";
import { builtInMessage, MESSAGE_KEYS, type MessageKey } from "~/returns/messages";
import type { SectionProps } from "./acceptance";
import { LOCALE_LABEL } from "./exclusions";
import { Part } from "./Part";

/** What each message is for, as a merchant looks for it. */
export const MESSAGE_PURPOSE: Record<MessageKey, string> = {
  OUTSIDE_WINDOW: "Refused: the return window has closed",
  NOT_DELIVERED: "Refused: not shipped yet",
  QUANTITY_UNAVAILABLE: "Refused: more than can still be returned",
  QUANTITY_ALREADY_REQUESTED: "Refused: already asked for in an earlier request",
  EXCLUDED_ITEM: "Refused: an item that can't be returned",
  GIFT_CARD: "Refused: a gift card",
  FINAL_SALE: "Refused: a final-sale item",
  EXCLUDED_CHANNEL: "Refused: bought through an excluded sales channel",
  REASON_NOT_ACCEPTED: "Refused: reason not accepted",
  CONDITION_NOT_MET: "Refused: condition not confirmed",
  EVIDENCE_REQUIRED: "Asking for photos",
  "window.change_of_mind": "Return window for a change of mind",
  "window.faults": "Return window for faulty items",
  "window.none": "Item can be returned (no window)",
  warranty: "Covered by a warranty",
  returns_closed: "Returns for the order have closed",
  returnable_until: "Returnable until a date",
  "terms.final_sale": "At checkout: final-sale item",
  "terms.excluded_item": "At checkout: item that can't be returned",
  "terms.gift_card": "At checkout: gift card",
  "terms.window.change_of_mind": "At checkout: return window for a change of mind",
  "terms.window.faults": "At checkout: return window for faulty items",
  "terms.no_change_of_mind": "At checkout: no change-of-mind returns",
  "terms.warranty": "At checkout: warranty",
  "window.reason": "Return window for a particular reason",
  keep_item: "Keep the item (no need to send it back)",
  "screening.hold": "Held for the team to look at",
  "screening.blocked": "Returns handled by the team in person",
};

export function ShopperMessages({ draft, set }: Pick<SectionProps, "draft" | "set">) {
  const messages = (draft.messages ?? {}) as Record<string, Partial<Record<Locale, string>>>;
  const [key, setKey] = useState<MessageKey>(MESSAGE_KEYS[0]!);
  const [locale, setLocale] = useState<Locale>("en");
  const current = messages[key]?.[locale] ?? "";
  const write = (k: string, loc: Locale, text: string) => {
    const forKey = { ...(messages[k] ?? {}) };
    if (text) forKey[loc] = text;
    else delete forKey[loc];
    const next = { ...messages };
    if (Object.keys(forKey).length) next[k] = forKey;
    else delete next[k];
    set(["messages"], next);
  };
  const reworded = Object.entries(messages).flatMap(([k, t]) => Object.keys(t ?? {}).map((loc) => ({ k, loc: loc as Locale })));
  return (
    <Part title="What shoppers read" help="Reword any message shoppers see, in each language. Words in {braces} are filled in for each order; keep them.">
      <InlineGrid columns={{ xs: 1, md: "2fr 1fr" }} gap="200">
        <Select
          label="Message"
          options={MESSAGE_KEYS.map((k) => ({ value: k, label: `${MESSAGE_PURPOSE[k] ?? k}${messages[k] ? " (reworded)" : ""}` }))}
          value={key}
          onChange={(v) => setKey(v as MessageKey)}
        />
        <Select label="Language" options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABEL[l] ?? l }))} value={locale} onChange={(v) => setLocale(v as Locale)} />
      </InlineGrid>
      <TextField
        label="Your wording"
        helpText={`Built-in: “${builtInMessage(key, locale)}”. Leave empty to use it.`}
        autoComplete="off"
        multiline={2}
        value={current}
        onChange={(t) => write(key, locale, t)}
      />
      {reworded.length > 0 && (
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Reworded
          </Text>
          {reworded.map(({ k, loc }) => (
            <InlineStack key={`${k}-${loc}`} gap="200" blockAlign="center">
              <Text as="span">
                {MESSAGE_PURPOSE[k as MessageKey] ?? `Rule “${k.replace(/^rule:/, "")}”`} ({LOCALE_LABEL[loc] ?? loc})
              </Text>
              <Button variant="plain" onClick={() => write(k, loc, "")} accessibilityLabel={`Use the built-in text for ${MESSAGE_PURPOSE[k as MessageKey] ?? k} in ${LOCALE_LABEL[loc] ?? loc}`}>
                Use the built-in text
              </Button>
            </InlineStack>
          ))}
        </BlockStack>
      )}
    </Part>
  );
}
