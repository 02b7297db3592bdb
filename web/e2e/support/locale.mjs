// The app's own dictionaries for browser tests that run in another language, so a flow in Arabic finds its
// labels by the texts a reader sees. The .ts dictionaries are only type-annotated objects: TypeScript strips them.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** The messages of one language (src/i18n/<locale>.ts), by key. */
export async function messagesOf(locale) {
  const source = readFileSync(new URL(`../../src/i18n/${locale}.ts`, import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  const module = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(outputText)}`);
  return module[locale];
}

/** A browser context whose languages are `locale` first, as a reader's browser in that language would be. */
export function contextIn(browser, locale, options = {}) {
  return browser.newContext({ locale, extraHTTPHeaders: { 'Accept-Language': locale }, ...options });
}
