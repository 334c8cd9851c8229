// The queue's filters (status, verdict, reason, dates, failed Shopify call) and the chips of those applied, in words.
import { BlockStack, Checkbox, ChoiceList, TextField } from "@shopify/polaris";
import { REASONS } from "~/returns";
import { CODE_LABEL, FLAG_VALUES, REASON_LABEL, STATUS_LABEL, STATUS_VALUES, label } from "~/components/labels";
import type { QueueUrl } from "./queue-url";

const FLAG_CHOICES = FLAG_VALUES.map((f) => ({ label: CODE_LABEL[f] ?? f, value: f }));
// a processed replacement or exchange is stored as refunded (it shows as "Replaced" / "Exchanged"): the filter says so
const FILTER_STATUS_LABEL: Record<string, string> = { ...STATUS_LABEL, refunded: "Refunded, replaced or exchanged" };
const STATUS_CHOICES = STATUS_VALUES.map((s) => ({ label: FILTER_STATUS_LABEL[s] ?? s, value: s }));
const REASON_CHOICES = REASONS.map((r) => ({ label: REASON_LABEL[r] ?? r, value: r }));

export function queueFilters({ sp, list, setList, setText }: QueueUrl) {
  return [
    // every chip needs a filter of its key, or Polaris shows none (the home page's link applies this one)
    {
      key: "errors",
      label: "Shopify call failed",
      filter: (
        <Checkbox
          label="Only requests whose last Shopify call failed"
          checked={sp.get("errors") === "1"}
          onChange={(on) => setText("errors", on ? "1" : "")}
        />
      ),
    },
    {
      key: "status",
      label: "Status",
      filter: <ChoiceList title="Status" titleHidden allowMultiple choices={STATUS_CHOICES} selected={list("status")} onChange={setList("status")} />,
      pinned: true,
    },
    {
      key: "flag",
      label: "Verdict",
      filter: <ChoiceList title="Verdict" titleHidden allowMultiple choices={FLAG_CHOICES} selected={list("flag")} onChange={setList("flag")} />,
      pinned: true,
    },
    {
      key: "reason",
      label: "Reason",
      filter: <ChoiceList title="Reason" titleHidden allowMultiple choices={REASON_CHOICES} selected={list("reason")} onChange={setList("reason")} />,
    },
    {
      key: "date",
      label: "Date requested",
      filter: (
        <BlockStack gap="200">
          <TextField label="From" type="date" autoComplete="off" value={sp.get("from") ?? ""} onChange={(v) => setText("from", v)} />
          <TextField label="To (inclusive)" type="date" autoComplete="off" value={sp.get("to") ?? ""} onChange={(v) => setText("to", v)} />
        </BlockStack>
      ),
    },
  ];
}

export function appliedQueueFilters({ sp, list, setList, go }: QueueUrl) {
  return [
    ...(list("status").length
      ? [{ key: "status", label: `Status: ${list("status").map((s) => label(FILTER_STATUS_LABEL, s)).join(", ")}`, onRemove: () => setList("status")([]) }]
      : []),
    ...(list("reason").length
      ? [{ key: "reason", label: `Reason: ${list("reason").map((s) => label(REASON_LABEL, s)).join(", ")}`, onRemove: () => setList("reason")([]) }]
      : []),
    ...(list("flag").length
      ? [{ key: "flag", label: `Verdict: ${list("flag").map((s) => label(CODE_LABEL, s)).join(", ")}`, onRemove: () => setList("flag")([]) }]
      : []),
    ...(sp.get("errors") === "1" ? [{ key: "errors", label: "Last Shopify call failed", onRemove: () => go((p) => p.delete("errors")) }] : []),
    ...(sp.get("from") || sp.get("to")
      ? [
          {
            key: "date",
            label: `Requested ${sp.get("from") ? `from ${sp.get("from")}` : ""} ${sp.get("to") ? `to ${sp.get("to")}` : ""}`.trim(),
            onRemove: () =>
              go((p) => {
                p.delete("from");
                p.delete("to");
              }),
          },
        ]
      : []),
  ];
}
