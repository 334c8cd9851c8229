// npm records in package-lock.json only the platform packages its registry could resolve. The registry
// mirror this project is built against serves rollup's native package for linux-x64-gnu only, so the other
// platforms' entries are dropped and `npm ci` then refuses the lock as "out of sync". This adds each missing
// optional platform package back as a lock entry with its os/cpu/libc, so npm ci skips it on other
// platforms without fetching it (exactly what a lock made against the public registry contains, minus the
// integrity hash of a package that is never installed here). Run after `npm install` changes the lock:
//   node scripts/lockfile-platform-stubs.mjs
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const pk = lock.packages;
const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "openharmony", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

function resolves(from, dep) {
  let base = from;
  for (;;) {
    if (`${base ? `${base}/` : ""}node_modules/${dep}` in pk) return true;
    if (!base) return false;
    const i = base.lastIndexOf("/node_modules/");
    base = i >= 0 ? base.slice(0, i) : "";
  }
}

let added = 0;
for (const [path, meta] of Object.entries({ ...pk })) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (resolves(path, dep)) continue;
    const parts = dep.split("/").pop().split("-");
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes("eabi") || parts.includes("gnueabihf") || parts.includes("musleabihf") ? "arm" : undefined);
    if (!os || !cpu) throw new Error(`cannot tell the platform of ${dep} (needed by ${path})`);
    const entry = { version, cpu: [cpu], ...(meta.dev ? { dev: true } : {}), license: meta.license, optional: true, os: [os] };
    if (os === "linux") entry.libc = [parts.some((p) => p.startsWith("musl")) ? "musl" : "glibc"];
    pk[`node_modules/${dep}`] = entry;
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
