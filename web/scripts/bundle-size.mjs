// Prints the gzipped size of the JavaScript a first visit loads (the entry chunk and its static imports,
// read from Vite's manifest) and fails the build when it is over budget. Lazy chunks are listed, not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKiB = Number(process.env.NETWORKHUB_JS_BUDGET_KIB ?? 250);
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kib = (bytes) => (bytes / 1024).toFixed(1);
let total = 0;
for (const file of initial) {
  const size = gzipped(file);
  total += size;
  console.log(`  initial  ${kib(size).padStart(7)} KiB gz  ${file}`);
}
const lazy = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js') && !initial.has(f)));
for (const file of lazy) console.log(`  lazy     ${kib(gzipped(file)).padStart(7)} KiB gz  ${file}`);

console.log(`Initial JavaScript: ${kib(total)} KiB gzipped (budget ${budgetKiB} KiB)`);
if (total > budgetKiB * 1024) {
  console.error(`Initial JavaScript is over budget by ${kib(total - budgetKiB * 1024)} KiB.`);
  process.exit(1);
}
