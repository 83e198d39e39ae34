// Finds the places in an HTML page that make a browser fetch from another host. Only the tests
// use it, so it is a small tokenizer rather than a full HTML parser. It handles the markup that
// `redocly build-docs` writes, including a multi-megabyte inline <script>.

/** A start tag, plus the raw text that follows it for <script> and <style>. */
export interface HtmlElement {
  name: string;
  attributes: Map<string, string>;
  /** Raw text content, set only for script and style elements. */
  text?: string;
}

/** One reference that would make the browser load something from another host. */
export interface ExternalReference {
  /** Where the reference sits, such as `<script src>` or `url() in <style>`. */
  source: string;
  url: string;
}

/** Attributes that make a browser fetch a resource, by element name. */
const FETCHING_ATTRIBUTES: Record<string, string[]> = {
  audio: ['src'],
  base: ['href'],
  embed: ['src'],
  frame: ['src'],
  iframe: ['src'],
  img: ['src', 'srcset'],
  input: ['src'],
  link: ['href', 'imagesrcset'],
  object: ['data'],
  script: ['src'],
  source: ['src', 'srcset'],
  track: ['src'],
  video: ['src', 'poster'],
};

const START_TAG =
  /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

// An absolute http(s) URL or a protocol-relative one, which both leave the page's own origin.
const EXTERNAL_URL = /^\s*(?:https?:)?\/\//i;
// url() after @import is left to CSS_IMPORT, so each import is reported once.
const CSS_URL = /(?<!@import\s*)url\(\s*(['"]?)(.*?)\1\s*\)/gi;
const CSS_IMPORT = /@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1/gi;
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?(['"`])([^'"`]+)\1/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(['"`])([^'"`]+)\1/g;

/** Returns true for absolute http(s) and protocol-relative URLs. */
export function isExternalUrl(url: string): boolean {
  return EXTERNAL_URL.test(url);
}

/** Splits HTML into start tags, skipping comments and keeping script and style text whole. */
export function parseElements(html: string): HtmlElement[] {
  const lowerCaseHtml = html.toLowerCase();
  const elements: HtmlElement[] = [];
  let index = 0;

  // Every pass moves index forward, so the loop ends after at most html.length passes.
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open === -1) {
      break;
    }
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close === -1 ? html.length : close + 3;
      continue;
    }

    START_TAG.lastIndex = open;
    const match = START_TAG.exec(html);
    if (match === null) {
      index = open + 1;
      continue;
    }
    const name = (match[1] ?? '').toLowerCase();
    const element: HtmlElement = { name, attributes: parseAttributes(match[2] ?? '') };
    index = START_TAG.lastIndex;

    if (name === 'script' || name === 'style') {
      // Raw text ends at the first end tag. build-docs writes "</script" inside the inlined
      // renderer as "<\/script", so that end tag is the real one.
      const close = lowerCaseHtml.indexOf(`</${name}`, index);
      const end = close === -1 ? html.length : close;
      element.text = html.slice(index, end);
      index = end;
    }
    elements.push(element);
  }
  return elements;
}

/** Lists every fetch from another host that the page's markup, CSS and inline modules request. */
export function findExternalReferences(html: string): ExternalReference[] {
  const references: ExternalReference[] = [];
  for (const element of parseElements(html)) {
    for (const attribute of FETCHING_ATTRIBUTES[element.name] ?? []) {
      const value = element.attributes.get(attribute);
      if (value === undefined) {
        continue;
      }
      const urls = attribute.endsWith('srcset') ? splitSrcset(value) : [value];
      for (const url of urls.filter(isExternalUrl)) {
        references.push({ source: `<${element.name} ${attribute}>`, url });
      }
    }

    const style = element.attributes.get('style');
    if (style !== undefined) {
      references.push(...findCssReferences(style, `style attribute of <${element.name}>`));
    }
    if (element.name === 'style' && element.text !== undefined) {
      references.push(...findCssReferences(element.text, '<style>'));
    }
    if (element.name === 'script' && element.text !== undefined) {
      references.push(...findScriptReferences(element.text));
      // Scripts also inject CSS at run time, and a literal url() there loads like one in <style>.
      references.push(...findCssReferences(element.text, '<script>'));
    }
  }
  return references;
}

/**
 * Reads the policy of a `<meta http-equiv="Content-Security-Policy">` tag as a map from
 * directive name to its sources. Returns undefined when the page has no such tag.
 */
export function readContentSecurityPolicy(html: string): Map<string, string[]> | undefined {
  const meta = parseElements(html).find(
    (element) =>
      element.name === 'meta' &&
      element.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  const content = meta?.attributes.get('content');
  if (content === undefined) {
    return undefined;
  }

  const policy = new Map<string, string[]>();
  for (const directive of content.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) {
      policy.set(name.toLowerCase(), sources);
    }
  }
  return policy;
}

/** Returns the text of every inline `<script type="module">`. */
export function findModuleScripts(html: string): string[] {
  return parseElements(html)
    .filter((element) => element.name === 'script' && element.attributes.get('type') === 'module')
    .map((element) => element.text ?? '');
}

function findCssReferences(css: string, source: string): ExternalReference[] {
  const references: ExternalReference[] = [];
  for (const match of css.matchAll(CSS_URL)) {
    const url = match[2] ?? '';
    if (isExternalUrl(url)) {
      references.push({ source: `url() in ${source}`, url });
    }
  }
  for (const match of css.matchAll(CSS_IMPORT)) {
    const url = match[2] ?? '';
    if (isExternalUrl(url)) {
      references.push({ source: `@import in ${source}`, url });
    }
  }
  return references;
}

function findScriptReferences(script: string): ExternalReference[] {
  const references: ExternalReference[] = [];
  for (const [pattern, kind] of [
    [STATIC_IMPORT, 'import'],
    [DYNAMIC_IMPORT, 'import()'],
  ] as const) {
    for (const match of script.matchAll(pattern)) {
      const url = match[2] ?? '';
      if (isExternalUrl(url)) {
        references.push({ source: `${kind} in <script>`, url });
      }
    }
  }
  return references;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (!attributes.has(name)) {
      attributes.set(name, decodeEntities(value));
    }
  }
  return attributes;
}

// Decodes the character references that could hide a URL, such as "https:&#x2F;&#x2F;host".
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|colon|sol);/gi, (entity, code) => {
    const lowerCaseCode = String(code).toLowerCase();
    if (lowerCaseCode.startsWith('#x')) {
      return String.fromCodePoint(Number.parseInt(lowerCaseCode.slice(2), 16));
    }
    if (lowerCaseCode.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(lowerCaseCode.slice(1), 10));
    }
    const named: Record<string, string> = {
      amp: '&',
      quot: '"',
      apos: "'",
      lt: '<',
      gt: '>',
      colon: ':',
      sol: '/',
    };
    return named[lowerCaseCode] ?? entity;
  });
}

function splitSrcset(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}
