/**
 * What a CSL style's `<info>` says about it, read from its XML text: its ID, title, independent parent (for a
 * dependent style), default locale, and whether it has a `<bibliography>`. Checks that the text is a CSL style at all
 * (well-formed XML whose root is `<style>` in the CSL namespace), so that a wrong file is one clear error rather than
 * an exception from deep inside citeproc-js. Pure.
 */
import { decodeReferences } from '../conventions/html-markup.js';
import { load as xmlParser } from '../vendor/xml.js';

export interface StyleInfo {
  /** The style's ID: the last segment of `<id>` (`http://www.zotero.org/styles/apa` -> `apa`). */
  readonly id?: string;
  readonly title?: string;
  /** For a dependent style: the ID of its independent parent. */
  readonly parent?: string;
  readonly defaultLocale?: string;
  readonly hasBibliography: boolean;
}

/** The file is not a CSL style (not XML, or XML of another kind). */
export class StyleFormatError extends Error {}

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

function lastSegment(url: string): string {
  return (
    url
      .replace(/[/#?]+$/, '')
      .split(/[/]/)
      .pop() ?? url
  );
}

function decodeXmlText(text: string): string {
  return decodeReferences(text).trim();
}

/**
 * Reads a style's metadata; throws StyleFormatError (with the line where the XML breaks) when it is not CSL.
 * `wellFormed`: the text is known to be well-formed XML (a style bibfolio ships), so it is not validated again.
 */
export function readStyleInfo(xml: string, known: { readonly wellFormed?: boolean } = {}): StyleInfo {
  const valid = known.wellFormed ? true : xmlParser().XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new StyleFormatError(`is not well-formed XML (line ${line}, column ${col}: ${msg})`);
  }
  const root = /<([A-Za-z_][\w.:-]*)\b([^>]*)>/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''),
  );
  if (!root || root[1] !== 'style' || !(root[2] ?? '').includes(CSL_NAMESPACE)) {
    throw new StyleFormatError(
      `is XML but not a CSL style (its root element is <${root?.[1] ?? '?'}>, not <style> in the CSL namespace)`,
    );
  }
  const info = /<info\b[\s\S]*?<\/info>/.exec(xml)?.[0] ?? '';
  const id = /<id>\s*([^<]*?)\s*<\/id>/.exec(info)?.[1];
  const title = /<title>([^<]*)<\/title>/.exec(info)?.[1];
  const parent = /<link\b[^>]*\brel="independent-parent"[^>]*>/.exec(info)?.[0];
  const parentHref = parent ? /\bhref="([^"]*)"/.exec(parent)?.[1] : undefined;
  const defaultLocale = /\bdefault-locale="([^"]+)"/.exec(root[2] ?? '')?.[1];
  return {
    ...(id ? { id: lastSegment(decodeXmlText(id)) } : {}),
    ...(title ? { title: decodeXmlText(title) } : {}),
    ...(parentHref ? { parent: lastSegment(decodeXmlText(parentHref)) } : {}),
    ...(defaultLocale ? { defaultLocale } : {}),
    hasBibliography: /<bibliography\b/.test(xml),
  };
}
