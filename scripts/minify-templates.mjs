// A vite plugin for the library build: collapses the whitespace in lit's html`` and css`` templates,
// which minifiers leave alone. Templates are found with TypeScript's parser, so strings, regexes and
// comments elsewhere in the source are never touched. Our templates hold no <pre> or white-space rules.
import ts from 'typescript';

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

function minifyHtml(text) {
  return text.replace(/\s+/g, ' ').replace(/>\s+</g, '> <');
}

/** Rewrites the static parts of tagged templates in one TypeScript source. */
export function minifyTemplates(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
      const parts = ts.isNoSubstitutionTemplateLiteral(node.template)
        ? [node.template]
        : [node.template.head, ...node.template.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(source);
        const end = part.getEnd();
        const raw = code.slice(start, end);
        // Keep the delimiters: ` or } at the start, ` or ${ at the end.
        const open = raw.startsWith('`') ? 1 : 1;
        const close = raw.endsWith('${') ? 2 : 1;
        const body = raw.slice(open, raw.length - close);
        let out = minify(body);
        if (node.tag.text === 'css') {
          // Interpolations in css need their surrounding spaces in places like `a ${b} c`; keep one.
          if (/^\s/.test(body) && open === 1 && raw[0] === '}') out = ` ${out}`;
          if (/\s$/.test(body) && close === 2) out = `${out} `;
        }
        edits.push([start + open, end - close, out]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

export function minifyTemplatesPlugin() {
  return {
    name: 'ppw-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}
