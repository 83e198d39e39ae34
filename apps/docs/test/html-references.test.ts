import { describe, expect, it } from 'vitest';
import {
  findExternalReferences,
  findModuleScripts,
  parseElements,
  readContentSecurityPolicy,
} from './html-references.js';

const CDN = 'https://cdn.example.com/lib.js';

describe('findExternalReferences', () => {
  it.each([
    ['script src', `<script src="${CDN}"></script>`, '<script src>', CDN],
    [
      'protocol-relative script src',
      `<script src='//cdn.example.com/a.js'></script>`,
      '<script src>',
      '//cdn.example.com/a.js',
    ],
    ['unquoted script src', `<script src=${CDN}></script>`, '<script src>', CDN],
    [
      'stylesheet link',
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
      '<link href>',
      'https://fonts.googleapis.com/css?family=Roboto',
    ],
    [
      'font preload',
      '<link rel="preload" as="font" href="https://fonts.gstatic.com/a.woff2" crossorigin>',
      '<link href>',
      'https://fonts.gstatic.com/a.woff2',
    ],
    [
      'icon link',
      '<LINK REL="icon" HREF="http://example.com/favicon.ico" />',
      '<link href>',
      'http://example.com/favicon.ico',
    ],
    [
      'modulepreload link',
      `<link rel="modulepreload" href="${CDN}" integrity="sha384-x" />`,
      '<link href>',
      CDN,
    ],
    [
      'entity-encoded link',
      '<link rel="stylesheet" href="https:&#x2F;&#x2F;cdn.example.com/a.css">',
      '<link href>',
      'https://cdn.example.com/a.css',
    ],
    [
      '@import url() in style',
      '<style>@import url("https://cdn.example.com/a.css");</style>',
      '@import in <style>',
      'https://cdn.example.com/a.css',
    ],
    [
      '@import string in style',
      "<style>@import 'https://cdn.example.com/b.css';</style>",
      '@import in <style>',
      'https://cdn.example.com/b.css',
    ],
    [
      'font url() in style',
      '<style>@font-face{src:url(https://fonts.gstatic.com/c.woff2)}</style>',
      'url() in <style>',
      'https://fonts.gstatic.com/c.woff2',
    ],
    [
      'url() in style attribute',
      `<div style="background: url('//cdn.example.com/bg.png')"></div>`,
      'url() in style attribute of <div>',
      '//cdn.example.com/bg.png',
    ],
    [
      'static import in module',
      `<script type="module">import { hydrate } from "${CDN}";</script>`,
      'import in <script>',
      CDN,
    ],
    [
      'side-effect import in module',
      `<script type="module">import '${CDN}';</script>`,
      'import in <script>',
      CDN,
    ],
    [
      'dynamic import in script',
      `<script>await import(\`${CDN}\`)</script>`,
      'import() in <script>',
      CDN,
    ],
    [
      'url() in script CSS',
      "<script>el.style.mask = 'url(https://cdn.example.com/i.svg)'</script>",
      'url() in <script>',
      'https://cdn.example.com/i.svg',
    ],
    [
      'img src',
      '<img alt="logo" src="https://cdn.example.com/logo.svg">',
      '<img src>',
      'https://cdn.example.com/logo.svg',
    ],
    [
      'img srcset',
      '<img srcset="/a.png 1x, https://cdn.example.com/b.png 2x">',
      '<img srcset>',
      'https://cdn.example.com/b.png',
    ],
    [
      'iframe src',
      '<iframe src="https://example.com/embed"></iframe>',
      '<iframe src>',
      'https://example.com/embed',
    ],
    ['base href', '<base href="https://example.com/">', '<base href>', 'https://example.com/'],
  ])('flags %s', (_name, html, source, url) => {
    expect(findExternalReferences(html)).toEqual([{ source, url }]);
  });

  it.each([
    ['link in description text', '<p>See <a href="https://example.com/guide">the guide</a>.</p>'],
    ['relative script src', '<script src="/assets/app.js"></script>'],
    ['relative stylesheet', '<link rel="stylesheet" href="styles.css">'],
    [
      'data URL font',
      "<style>@font-face{src:url('data:application/font-woff;base64,AAAA')}</style>",
    ],
    ['fragment url()', '<svg><path fill="url(#gradient)"/></svg><style>a{fill:url(#g)}</style>'],
    ['URL in text', '<p>Production: https://api.example.com</p>'],
    ['URL in a script string', '<script>const home = "https://example.com/";</script>'],
    ['commented-out script', `<!-- <script src="${CDN}"></script> -->`],
    [
      'tag inside script text',
      `<script>el.innerHTML = '<script src="${CDN}"><\\/script>';</script>`,
    ],
    [
      'import keyword in a message',
      '<script>throw Error("import `Router` from `react-router`?")</script>',
    ],
  ])('allows %s', (_name, html) => {
    expect(findExternalReferences(html)).toEqual([]);
  });

  it('reports every reference in a page', () => {
    const html = `<link rel="stylesheet" href="${CDN}"><script src="${CDN}"></script>`;
    expect(findExternalReferences(html)).toHaveLength(2);
  });
});

describe('parseElements', () => {
  it('ends script text at the first end tag', () => {
    const elements = parseElements('<script>a("<\\/script>")</script><link href="x">');
    expect(elements.map((element) => element.name)).toEqual(['script', 'link']);
    expect(elements[0]?.text).toBe('a("<\\/script>")');
  });

  it('reads multi-line attributes', () => {
    const [meta] = parseElements('<meta\n  http-equiv="refresh"\n  content="5"\n/>');
    expect(meta?.attributes.get('http-equiv')).toBe('refresh');
    expect(meta?.attributes.get('content')).toBe('5');
  });
});

describe('readContentSecurityPolicy', () => {
  it('maps directives to sources', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:">`;
    const policy = readContentSecurityPolicy(html);
    expect(policy?.get('default-src')).toEqual(["'none'"]);
    expect(policy?.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('returns undefined without a policy', () => {
    expect(readContentSecurityPolicy('<meta charset="utf-8">')).toBeUndefined();
  });
});

describe('findModuleScripts', () => {
  it('returns only module script text', () => {
    const html = '<script>classic()</script><script type="module">modern()</script>';
    expect(findModuleScripts(html)).toEqual(['modern()']);
  });
});
