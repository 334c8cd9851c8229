// Contract-shaped fixtures shared by unit and render tests (and the preview host's offline demo).
import type { PreviewResult, ReturnRequest, ReturnsOverview } from "./api";

export const overviewFixture = (): ReturnsOverview => ({
  order: { id: "gid://shopify/Order/1001", name: "#1001", currency: "EUR" },
  canRequest: true,
  lines: [
    {
      lineItemId: "gid://shopify/LineItem/1",
      title: "Linen shirt",
      quantityLeft: 2,
      unitPrice: "49.90",
      reasons: [
        { code: "SIZE_TOO_SMALL", label: "Too small", conditions: ["unused", "tags_attached"], minPhotos: 0 },
        { code: "DEFECTIVE", label: "Defective", conditions: [], minPhotos: 1 },
      ],
      deadline: "2026-12-20T00:00:00Z",
    },
    {
      lineItemId: "gid://shopify/LineItem/2",
      title: "Gift card",
      quantityLeft: 0,
      unitPrice: "25.00",
      reasons: [],
      deadline: "2026-12-20T00:00:00Z",
      note: "Gift cards cannot be returned.",
    },
  ],
  resolutions: [
    { code: "refund", label: "Refund to original payment" },
    { code: "store_credit", label: "Store credit" },
  ],
  refundTimeline: { earliest: "2026-12-01", latest: "2026-12-08", bankDays: 5 },
  requests: [],
});

export const requestFixture = (over: Partial<ReturnRequest> = {}): ReturnRequest => ({
  id: "rr_1",
  status: "requested",
  createdAt: "2026-11-20T10:00:00Z",
  statusMessage: "We received your request and will review it shortly.",
  lines: [{ lineItemId: "gid://shopify/LineItem/1", title: "Linen shirt", quantity: 1, reason: "Too small" }],
  canCancel: true,
  ...over,
});

export const previewFixture = (over: Partial<PreviewResult> = {}): PreviewResult => ({
  eligible: true,
  lines: [
    { lineItemId: "gid://shopify/LineItem/1", eligible: true, codes: [], explanation: "Eligible for a refund." },
  ],
  resolutions: [{ code: "refund", label: "Refund to original payment" }],
  refund: { amount: "49.90", currency: "EUR" },
  ...over,
});
