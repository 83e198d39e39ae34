import ts from 'typescript';

const literalKinds = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/**
 * Counts the bytes of JavaScript source that are string and template literals, quotes
 * included, such as error messages. It parses with TypeScript's parser, so regular expressions
 * and nested templates are not mistaken for strings. Counts UTF-16 code units, which equal
 * bytes for ASCII text.
 */
export function countStringLiteralBytes(code) {
  const source = ts.createSourceFile(
    'bundle.js',
    code,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  let bytes = 0;
  const visit = (node) => {
    if (literalKinds.has(node.kind)) bytes += node.getWidth(source);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return bytes;
}
