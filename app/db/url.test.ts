import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePostgresUrl, postgresAdapterConfig, providerForUrl, sqliteFilePath } from "./url";

describe("DATABASE_URL handling", () => {
  it("chooses the provider", () => {
    expect(providerForUrl(undefined)).toBe("sqlite");
    expect(providerForUrl("")).toBe("sqlite");
    expect(providerForUrl("file:./dev.sqlite")).toBe("sqlite");
    expect(providerForUrl("postgresql://u@h:5432/db")).toBe("postgresql");
    expect(providerForUrl("postgres://u@h/db")).toBe("postgresql");
    expect(() => providerForUrl("mysql://u@h/db")).toThrow(/DATABASE_URL/);
  });

  it("resolves SQLite paths against the working directory", () => {
    expect(sqliteFilePath(undefined, "/app")).toBe(path.resolve("/app", "dev.sqlite"));
    expect(sqliteFilePath("file:./data/x.sqlite", "/app")).toBe(path.resolve("/app/data/x.sqlite"));
    expect(sqliteFilePath("file:/var/db.sqlite?connection_limit=1", "/app")).toBe("/var/db.sqlite");
    expect(sqliteFilePath("file::memory:")).toBe(":memory:");
  });

  it("moves ?schema= from the URL into the adapter options and the search_path", () => {
    expect(parsePostgresUrl("postgresql://u@h:5432/db?schema=t_ab12&sslmode=disable")).toEqual({
      connectionString: "postgresql://u@h:5432/db?sslmode=disable",
      schema: "t_ab12",
    });
    expect(postgresAdapterConfig("postgresql://u@h/db?schema=s1")).toEqual({
      pool: { connectionString: "postgresql://u@h/db", options: '-c search_path="s1"' },
      options: { schema: "s1" },
    });
    expect(postgresAdapterConfig("postgresql://u@h/db").options).toBeUndefined();
    expect(() => parsePostgresUrl("postgresql://u@h/db?schema=x;drop")).toThrow(/schema/);
  });
});
