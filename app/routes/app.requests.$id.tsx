// One return request: what was asked, the engine's verdict rule by rule, the money, the timeline, and the
// staff actions (through the staff services, which talk to Shopify and record every step).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  Divider,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Text,
  TextField,
  Thumbnail,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState, type ReactNode } from "react";
import {
  approveRequest,
  closeRequest,
  declineRequest,
  markReceived,
  refundRequest,
  retryLastAction,
  declineReasonFor,
  type ActionResult,
} from "~/services/staff";
import { loadRequestDetail } from "~/services/admin-views";
import { adminContext } from "~/services/admin-views/context.server";
import { CODE_LABEL, DECLINE_REASONS, REASON_LABEL, RESOLUTION_LABEL, STATUS_LABEL, STATUS_TONE, label, traceLabel } from "~/components/labels";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await adminContext(request);
  const detail = await loadRequestDetail(ctx.db, ctx.shop, params.id ?? "");
  // another shop's id is indistinguishable from an id that does not exist
  if (!detail) throw new Response("Return request not found", { status: 404 });
  return {
    detail,
    notifyCustomer: ctx.shopRecord?.notifyCustomer ?? true,
    timeZone: ctx.timeZone,
    suggestedDeclineReason: declineReasonFor(detail.lines.flatMap((l) => l.codes)) as string,
  };
};

type ActionAnswer =
  | { ok: true; intent: string; message: string }
  | { ok: false; intent: string; field?: string; message: string; shopifyErrors: string[] };

const bad = (intent: string, field: string, message: string) =>
  Response.json({ ok: false, intent, field, message, shopifyErrors: [] } satisfies ActionAnswer, { status: 422 });

const DONE: Record<string, string> = {
  approve: "Approved in Shopify.",
  decline: "Declined in Shopify.",
  receive: "Marked as received.",
  refund: "Refund issued.",
  close: "Closed.",
  retry: "The last action was retried successfully.",
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await adminContext(request);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const notifyCustomer = form.has("notifyCustomer") ? form.get("notifyCustomer") === "true" : (ctx.shopRecord?.notifyCustomer ?? true);
  const deps = { db: ctx.db, admin: ctx.admin, now: ctx.now, actor: ctx.actor };
  let res: ActionResult;
  switch (intent) {
    case "approve": {
      const returnLabelUrl = text("returnLabelUrl");
      if (returnLabelUrl && !/^https:\/\/\S+$/.test(returnLabelUrl)) return bad(intent, "returnLabelUrl", "must be an https:// link");
      res = await approveRequest(deps, ctx.shop, id, {
        note: text("note"),
        returnLabelUrl,
        trackingNumber: text("trackingNumber"),
        carrierName: text("carrierName"),
        notifyCustomer,
      });
      break;
    }
    case "decline": {
      const reason = text("reason");
      if (!reason || !DECLINE_REASONS.some((r) => r.value === reason)) return bad(intent, "reason", "pick a decline reason");
      const message = text("message");
      if (message && message.length > 500) return bad(intent, "message", "must be at most 500 characters");
      res = await declineRequest(deps, ctx.shop, id, { reason: reason as never, message, notifyCustomer });
      break;
    }
    case "receive":
      res = await markReceived(deps, ctx.shop, id, { restock: form.get("restock") === "true" });
      break;
    case "refund": {
      const to = text("to");
      if (to !== "original_payment" && to !== "store_credit") return bad(intent, "to", "must be original_payment or store_credit");
      res = await refundRequest(deps, ctx.shop, id, { to });
      break;
    }
    case "close":
      res = await closeRequest(deps, ctx.shop, id);
      break;
    case "retry":
      res = await retryLastAction(deps, ctx.shop, id);
      break;
    default:
      return bad(intent, "intent", "unknown action");
  }
  if (res.ok) return { ok: true, intent, message: DONE[intent] ?? "Done." } satisfies ActionAnswer;
  const answer: ActionAnswer = {
    ok: false,
    intent,
    ...(res.error.field ? { field: res.error.field } : {}),
    message: res.error.message,
    shopifyErrors: (res.error.shopifyErrors ?? []).map((e) => `${e.message}${e.field?.length ? ` (${e.field.join(".")})` : ""}`),
  };
  return Response.json(answer, { status: res.status });
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children}
      </BlockStack>
    </Card>
  );
}

const ACTION_FETCHER = "request-action";

function ActionForm({
  intent,
  title,
  children,
  submitLabel,
  tone,
  onResult,
}: {
  intent: string;
  title: string;
  children?: ReactNode;
  submitLabel: string;
  tone?: "critical";
  onResult: (a: ActionAnswer) => void;
}) {
  // One keyed fetcher for every action on the page: the page (which stays mounted when the status moves
  // on and this form disappears) reads its answer.
  const fetcher = useFetcher<ActionAnswer>({ key: ACTION_FETCHER });
  void onResult;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <BlockStack gap="200">
        {title && (
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
        )}
        {children}
        <InlineStack align="start">
          <Button
            submit
            tone={tone}
            variant={tone ? "primary" : "secondary"}
            loading={fetcher.state !== "idle" && fetcher.formData?.get("intent") === intent}
            disabled={fetcher.state !== "idle"}
          >
            {submitLabel}
          </Button>
        </InlineStack>
      </BlockStack>
    </fetcher.Form>
  );
}

function ResultBanner({ answer, onDismiss }: { answer: ActionAnswer; onDismiss: () => void }) {
  if (answer.ok) return <Banner tone="success" title={answer.message} onDismiss={onDismiss} />;
  return (
    <Banner tone="critical" title="Shopify did not accept this" onDismiss={onDismiss}>
      <BlockStack gap="100">
        <p>
          {answer.field ? `${answer.field}: ` : ""}
          {answer.message}
        </p>
        {answer.shopifyErrors.some((e) => e !== answer.message) && (
          <List>
            {answer.shopifyErrors.filter((e) => e !== answer.message).map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        )}
      </BlockStack>
    </Banner>
  );
}

export default function RequestDetail() {
  const { detail, notifyCustomer, timeZone, suggestedDeclineReason } = useLoaderData<typeof loader>();
  const r = detail.request;
  const [declineReason, setDeclineReason] = useState<string>(suggestedDeclineReason);
  const [declineMessage, setDeclineMessage] = useState("");
  const [label_, setLabel] = useState("");
  const [tracking, setTracking] = useState("");
  const [carrier, setCarrier] = useState("");
  const [note, setNote] = useState("");
  const [notify, setNotify] = useState(notifyCustomer);
  const [restock, setRestock] = useState(true);
  const action = useFetcher<ActionAnswer>({ key: ACTION_FETCHER });
  const [last, setLast] = useState<ActionAnswer | null>(null);
  const shopify = useAppBridge();
  useEffect(() => {
    if (action.state !== "idle" || !action.data) return;
    setLast(action.data);
    shopify.toast.show(action.data.message, { isError: !action.data.ok });
  }, [action.state, action.data]);
  const when = (iso: string) =>
    new Date(iso).toLocaleString("en", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

  const canApprove = r.status === "requested";
  const canDecline = r.status === "requested";
  const canReceive = r.status === "approved";
  const canRefund = r.status === "received" || r.status === "approved";
  const canClose = ["refunded", "credited", "declined", "received"].includes(r.status);

  return (
    <Page
      backAction={{ content: "Return requests", url: "/app/requests" }}
      title={`Return for ${r.orderName}`}
      titleMetadata={<Badge tone={STATUS_TONE[r.status]}>{label(STATUS_LABEL, r.status)}</Badge>}
      subtitle={`Requested ${when(r.createdAt)}${r.customerDisplayName ? ` by ${r.customerDisplayName}` : ""}`}
    >
      <TitleBar title={`Return for ${r.orderName}`} />
      <Layout>
        {last && (
          <Layout.Section>
            <ResultBanner answer={last} onDismiss={() => setLast(null)} />
          </Layout.Section>
        )}
        {r.lastError && (
          <Layout.Section>
            <Banner tone="critical" title="The last Shopify call failed">
              <BlockStack gap="200">
                <p>{r.lastError}</p>
                <ActionForm onResult={setLast} intent="retry" title="" submitLabel="Retry the last action" />
              </BlockStack>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Section title="Items">
              {detail.lines.map((l) => (
                <BlockStack key={l.id} gap="200">
                  <InlineStack align="space-between" blockAlign="start">
                    <BlockStack gap="100">
                      <Text as="p" fontWeight="semibold">
                        {l.title} × {l.quantity}
                      </Text>
                      <Text as="p" tone="subdued">
                        Reason: {label(REASON_LABEL, l.reason)}
                        {l.conditions.length > 0 ? ` · Shopper says: ${l.conditions.join(", ").replace(/_/g, " ")}` : ""}
                      </Text>
                      {l.note && <Text as="p">“{l.note}”</Text>}
                    </BlockStack>
                    {l.eligible ? <Badge tone="success">Meets policy</Badge> : <Badge tone="warning">Outside policy</Badge>}
                  </InlineStack>
                  {l.photos.length > 0 && (
                    <InlineStack gap="200">
                      {l.photos.map((p) => (
                        <a key={p} href={p} target="_blank" rel="noreferrer">
                          <Thumbnail source={p} alt={`Photo from the shopper for ${l.title}`} size="large" />
                        </a>
                      ))}
                    </InlineStack>
                  )}
                  {l.explanation && (
                    <Text as="p" tone={l.eligible ? "subdued" : "caution"}>
                      {l.explanation}
                    </Text>
                  )}
                  {l.trace.length === 0 && l.codes.length > 0 && (
                    <Text as="p" variant="bodySm" tone="critical">
                      {l.codes.map((c) => label(CODE_LABEL, c)).join(" · ")}
                    </Text>
                  )}
                  {l.trace.length > 0 && (
                    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
                      <BlockStack gap="100">
                        <Text as="p" variant="bodySm" fontWeight="semibold">
                          How the policy judged it
                        </Text>
                        {l.trace.map((t, i) => (
                          <InlineStack key={`${t.rule}-${i}`} gap="200" wrap={false} blockAlign="start">
                            <Text as="span" tone={t.pass ? "success" : "critical"}>
                              {t.pass ? "✓" : "✗"}
                            </Text>
                            <Text as="span" variant="bodySm">
                              {traceLabel(t, when)}
                              {!t.pass && t.code ? ` — ${label(CODE_LABEL, t.code)}` : ""}
                            </Text>
                          </InlineStack>
                        ))}
                      </BlockStack>
                    </Box>
                  )}
                  <Divider />
                </BlockStack>
              ))}
              <Text as="p" tone="subdued">
                {detail.policy
                  ? `Judged by policy version ${detail.policy.version}${detail.policy.name ? ` (${detail.policy.name})` : ""}.`
                  : "No policy version was recorded for this request."}
                {detail.verdict.decision ? ` Policy's advice: ${detail.verdict.decision}.` : ""}
              </Text>
            </Section>
            <Section title="Timeline">
              {detail.events.length === 0 && <Text as="p" tone="subdued">Nothing has happened yet.</Text>}
              {detail.events.map((e) => (
                <BlockStack key={e.id} gap="050">
                  <InlineStack gap="200">
                    <Text as="span" fontWeight="semibold">
                      {e.type.replace(/[._]/g, " ")}
                    </Text>
                    <Text as="span" tone="subdued">
                      {when(e.at)} · {e.actor}
                    </Text>
                  </InlineStack>
                  {e.summary && <Text as="p" variant="bodySm">{e.summary}</Text>}
                  {e.shopifyErrors.map((m) => (
                    <Text key={m} as="p" variant="bodySm" tone="critical">
                      {m}
                    </Text>
                  ))}
                </BlockStack>
              ))}
            </Section>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Section title="Money">
              <InlineGrid columns="1fr auto" gap="100">
                <Text as="span">Items returned</Text>
                <Text as="span" numeric>{detail.money.formatted.gross}</Text>
                <Text as="span">Fees</Text>
                <Text as="span" numeric>−{detail.money.formatted.fees}</Text>
                <Text as="span" fontWeight="semibold">Refund</Text>
                <Text as="span" numeric fontWeight="semibold">{detail.money.formatted.refund}</Text>
                <Text as="span" tone="subdued">or as store credit</Text>
                <Text as="span" numeric tone="subdued">{detail.money.formatted.storeCredit}</Text>
              </InlineGrid>
              <Text as="p" variant="bodySm" tone="subdued">
                In the order currency ({detail.money.currency}). Resolution asked: {label(RESOLUTION_LABEL, r.resolution).toLowerCase()}.
              </Text>
            </Section>
            <Section title="Actions">
              <Checkbox label="Notify the customer (Shopify sends the email)" checked={notify} onChange={setNotify} />
              {canApprove && (
                <ActionForm onResult={setLast} intent="approve" title="Approve" submitLabel="Approve return">
                  <input type="hidden" name="notifyCustomer" value={String(notify)} />
                  <TextField label="Return label URL" name="returnLabelUrl" value={label_} onChange={setLabel} autoComplete="off" placeholder="https://…" />
                  <InlineGrid columns={2} gap="200">
                    <TextField label="Tracking number" name="trackingNumber" value={tracking} onChange={setTracking} autoComplete="off" />
                    <TextField label="Carrier" name="carrierName" value={carrier} onChange={setCarrier} autoComplete="off" />
                  </InlineGrid>
                  <TextField label="Note to the shopper" name="note" value={note} onChange={setNote} multiline={2} autoComplete="off" />
                </ActionForm>
              )}
              {canDecline && (
                <ActionForm onResult={setLast} intent="decline" title="Decline" submitLabel="Decline return" tone="critical">
                  <input type="hidden" name="notifyCustomer" value={String(notify)} />
                  <Select label="Reason (sent to Shopify)" name="reason" options={DECLINE_REASONS} value={declineReason} onChange={setDeclineReason} />
                  <TextField
                    label="Message to the shopper"
                    name="message"
                    value={declineMessage}
                    onChange={setDeclineMessage}
                    multiline={2}
                    maxLength={500}
                    autoComplete="off"
                  />
                </ActionForm>
              )}
              {canReceive && (
                <ActionForm onResult={setLast} intent="receive" title="Parcel received" submitLabel="Mark as received">
                  <input type="hidden" name="restock" value={String(restock)} />
                  <Checkbox label="Restock the items" checked={restock} onChange={setRestock} />
                </ActionForm>
              )}
              {canRefund && (
                <BlockStack gap="200">
                  <ActionForm onResult={setLast} intent="refund" title="Refund" submitLabel="Refund to original payment">
                    <input type="hidden" name="to" value="original_payment" />
                  </ActionForm>
                  <ActionForm onResult={setLast} intent="refund" title="" submitLabel="Issue store credit instead">
                    <input type="hidden" name="to" value="store_credit" />
                  </ActionForm>
                </BlockStack>
              )}
              {canClose && <ActionForm onResult={setLast} intent="close" title="Close" submitLabel="Close request" />}
              {!canApprove && !canDecline && !canReceive && !canRefund && !canClose && (
                <Text as="p" tone="subdued">
                  No action is open for a request that is {label(STATUS_LABEL, r.status).toLowerCase()}.
                </Text>
              )}
            </Section>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
