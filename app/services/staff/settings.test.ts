import { describe, expect, it } from "vitest";
import { parseSettingsForm } from "./settings";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("settings form", () => {
  it("the screen posts only the email switch; who decides and the default resolution are left as they are", () => {
    expect(parseSettingsForm(form({ notifyCustomer: "true" }))).toEqual({ ok: true, settings: { notifyCustomer: true } });
  });

  it("reads the switches and the default resolution", () => {
    expect(parseSettingsForm(form({ notifyCustomer: "false", autoApproval: "true", defaultResolution: "exchange" }))).toEqual({
      ok: true,
      settings: { notifyCustomer: false, autoApproval: true, defaultResolution: "exchange" },
    });
  });

  it("names the first bad or missing field", () => {
    expect(parseSettingsForm(form({ notifyCustomer: "yes", autoApproval: "true", defaultResolution: "refund" }))).toEqual({
      ok: false,
      field: "notifyCustomer",
      message: "must be true or false",
    });
    expect(parseSettingsForm(form({ autoApproval: "true" }))).toMatchObject({ ok: false, field: "notifyCustomer" });
    expect(parseSettingsForm(form({ notifyCustomer: "true", autoApproval: "on" }))).toMatchObject({ ok: false, field: "autoApproval" });
    // replacement is a policy resolution, not a shop default
    expect(parseSettingsForm(form({ notifyCustomer: "true", autoApproval: "false", defaultResolution: "replacement" }))).toEqual({
      ok: false,
      field: "defaultResolution",
      message: "must be one of refund, store_credit, exchange",
    });
  });
});
