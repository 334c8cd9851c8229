/** What the shopper API answers when it cannot do what was asked. Routes turn it into JSON. */
import type { LineVerdict } from "~/returns";

export type { LineVerdict };

export class ShopperError extends Error {
  override readonly name = "ShopperError";
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 422 | 502 | 503,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly lines?: LineVerdict[],
  ) {
    super(message);
  }

  toBody(): { error: { code: string; message: string; field?: string }; lines?: LineVerdict[] } {
    return {
      error: { code: this.code, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) },
      ...(this.lines ? { lines: this.lines } : {}),
    };
  }
}

export const notFound = (what = "order") => new ShopperError(404, "not_found", `No such ${what} for this customer`);
export const invalid = (field: string, message: string) => new ShopperError(400, "invalid", message, field);
