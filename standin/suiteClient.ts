/** Test helper: one stand-in and client per test file, started before its tests and closed after them. */
import { afterAll, beforeAll } from "vitest";
import type { StandinOptions } from "./index";
import { startWithClient, type Client } from "./testClient";

/** Registers the suite's beforeAll/afterAll; the returned client may be used inside tests and hooks only. */
export function clientForSuite(opts: Partial<StandinOptions> = {}): Client {
  let started: Client | undefined;
  beforeAll(async () => {
    started = await startWithClient(opts);
  });
  afterAll(async () => {
    await started?.standin.close();
  });
  const current = (): Client => {
    if (!started) throw new Error("the suite's stand-in is not started: use the client inside tests and hooks");
    return started;
  };
  return {
    get standin() {
      return current().standin;
    },
    get token() {
      return current().token;
    },
    gql: (query, variables) => current().gql(query, variables),
  };
}
