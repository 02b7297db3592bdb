// The app takes every server shape from src/generated/ (written from docs/ at build time). This test keeps it that
// way: no file of the app may declare a type named like a schema of the server's contract, nor spell out an enum of
// the contract as its own union of strings or array of values. Either would be a copy that drifts.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(__dirname);
const docs = join(__dirname, '..', '..', 'docs');

interface JsonSchema { enum?: unknown[]; properties?: Record<string, JsonSchema>; [key: string]: unknown }

function contractSchemas(): Record<string, JsonSchema> {
  const openapi = JSON.parse(readFileSync(join(docs, 'openapi.json'), 'utf8')) as { components: { schemas: Record<string, JsonSchema> } };
  const schemas = { ...openapi.components.schemas };
  const hubFile = join(docs, 'hub-contract.json');
  if (existsSync(hubFile)) {
    const hub = JSON.parse(readFileSync(hubFile, 'utf8')) as { definitions?: Record<string, JsonSchema>; $defs?: Record<string, JsonSchema> };
    Object.assign(schemas, hub.definitions ?? {}, hub.$defs ?? {});
  }
  return schemas;
}

function appFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : appFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const schemas = contractSchemas();
const enums = Object.entries(schemas)
  .filter(([, schema]) => Array.isArray(schema.enum) && schema.enum.length > 1)
  .map(([name, schema]) => ({ name, values: new Set(schema.enum!.filter((v) => typeof v === 'string') as string[]) }));

const sameSet = (a: Set<string>, b: string[]) => b.length === a.size && b.every((v) => a.has(v));

describe('the wire contract', () => {
  const files = appFiles(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }));

  it('is read from the contract at all', () => {
    expect(Object.keys(schemas).length).toBeGreaterThan(50);
    expect(enums.map((e) => e.name)).toContain('Visibility');
    expect(files.length).toBeGreaterThan(30);
  });

  it('has no hand-written copy of a server type in the app', () => {
    const copies: string[] = [];
    for (const { path, text } of files) {
      for (const match of text.matchAll(/^\s*(?:export\s+)?(?:interface|type)\s+([A-Z]\w*)/gm)) {
        if (match[1] in schemas) copies.push(`${path}: ${match[1]}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it('spells out no enum of the contract by hand', () => {
    const copies: string[] = [];
    for (const { path, text } of files) {
      // A union of two or more string literals, or an array literal of them.
      for (const match of text.matchAll(/(?:=|:)\s*((?:\|\s*)?'[\w-]+'(?:\s*\|\s*'[\w-]+')+)|\[\s*('[\w-]+'(?:\s*,\s*'[\w-]+')+)\s*,?\s*\]/g)) {
        const literal = match[1] ?? match[2];
        const values = [...literal.matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
        const copied = enums.find((e) => sameSet(e.values, values));
        if (copied) copies.push(`${path}: ${copied.name} (${values.join(', ')})`);
      }
    }
    expect(copies).toEqual([]);
  });
});
