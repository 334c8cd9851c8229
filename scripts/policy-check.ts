// npm run --silent policy:check -- path/to/scenario.json
// Exit 0 with the evaluation as JSON on stdout; exit 2 with one line on stderr naming the bad field.
import { readFileSync } from "node:fs";
import { PolicyError } from "../app/returns/policy";
import { runScenario } from "../app/returns/scenario";

function fail(field: string, message: string): never {
  process.stderr.write(`policy-check: ${field}: ${message.replace(/\s+/g, " ")}\n`);
  process.exit(2);
}

const file = process.argv.slice(2).find((a) => a !== "--");
if (!file) fail("(file)", "usage: policy-check <scenario.json>");

let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (e) {
  fail("(file)", `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
let value: unknown;
try {
  value = JSON.parse(text);
} catch (e) {
  fail("(root)", `invalid JSON in ${file}: ${(e as Error).message}`);
}
try {
  const out = runScenario(value);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (e) {
  if (e instanceof PolicyError) fail(e.field, e.message.slice(e.field.length + 2) || "invalid");
  throw e;
}
