/**
 * A small Turtle (RDF 1.1 Turtle, W3C Recommendation 2014) reader, enough for the ValueFlows
 * ontology file: `@prefix`/`@base`, IRIs, prefixed names, `a`, string literals with language tags
 * or datatypes, numbers, booleans, collections `( … )`, and the `;` / `,` abbreviations.
 * Blank-node property lists `[ … ]` are not used by that file and are rejected.
 *
 * @module
 */

/** An RDF term as read from the file: IRIs are expanded, literals keep their lexical form. */
export type TurtleTerm =
  | { readonly kind: 'iri'; readonly value: string }
  | {
      readonly kind: 'literal';
      readonly value: string;
      readonly language?: string;
      readonly datatype?: string;
    }
  | { readonly kind: 'list'; readonly items: readonly TurtleTerm[] };

/** One triple. */
export interface Triple {
  readonly subject: string;
  readonly predicate: string;
  readonly object: TurtleTerm;
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

type Token =
  | { t: 'iri'; v: string }
  | { t: 'pname'; v: string }
  | { t: 'string'; v: string }
  | { t: 'lang'; v: string }
  | { t: 'dtype' }
  | { t: 'number'; v: string }
  | { t: 'word'; v: string }
  | { t: 'punct'; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) throw new SyntaxError(`unterminated IRI at ${i}`);
      tokens.push({ t: 'iri', v: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (c === '"') {
      const long = text.startsWith('"""', i);
      const quote = long ? '"""' : '"';
      let j = i + quote.length;
      let value = '';
      while (j < n && !text.startsWith(quote, j)) {
        if (text[j] === '\\') {
          const e = text[j + 1];
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : (e ?? '');
          j += 2;
        } else {
          value += text[j];
          j++;
        }
      }
      if (j >= n) throw new SyntaxError(`unterminated string at ${i}`);
      tokens.push({ t: 'string', v: value });
      i = j + quote.length;
      continue;
    }
    if (c === '@') {
      const m = /^@([A-Za-z][A-Za-z0-9-]*)/.exec(text.slice(i, i + 64));
      if (!m) throw new SyntaxError(`bad @ at ${i}`);
      tokens.push({ t: 'lang', v: m[1]! });
      i += m[0].length;
      continue;
    }
    if (c === '^' && text[i + 1] === '^') {
      tokens.push({ t: 'dtype' });
      i += 2;
      continue;
    }
    if ('.;,()[]'.includes(c)) {
      // A '.' followed by a digit belongs to a number such as .5 — not used in this file.
      tokens.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    const numberMatch = /^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (numberMatch && /[\d]/.test(c + (text[i + 1] ?? ''))) {
      let v = numberMatch[0];
      if (v.endsWith('.')) v = v.slice(0, -1);
      tokens.push({ t: 'number', v });
      i += v.length;
      continue;
    }
    const m = /^[A-Za-z_][\w.-]*?:[\w.-]*|^:[\w.-]*|^[A-Za-z_][\w-]*/.exec(text.slice(i, i + 256));
    if (!m) throw new SyntaxError(`unexpected character ${JSON.stringify(c)} at ${i}`);
    let v = m[0];
    while (v.endsWith('.')) v = v.slice(0, -1);
    tokens.push(v.includes(':') ? { t: 'pname', v } : { t: 'word', v });
    i += v.length;
  }
  return tokens;
}

function resolveIri(base: string, relative: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) return relative;
  if (relative.startsWith('#')) return base.replace(/#.*$/, '') + relative;
  if (relative === '') return base;
  return new URL(relative, base).href;
}

/**
 * Parses Turtle text into triples, in document order.
 *
 * @param text - the Turtle document
 * @returns its triples, with every IRI expanded
 * @throws SyntaxError when the document uses something this reader does not support
 */
export function parseTurtle(text: string): Triple[] {
  const tokens = tokenize(text);
  const prefixes = new Map<string, string>();
  let base = '';
  const triples: Triple[] = [];
  let p = 0;

  const peek = (): Token | undefined => tokens[p];
  const next = (): Token => {
    const t = tokens[p++];
    if (!t) throw new SyntaxError('unexpected end of document');
    return t;
  };
  const expect = (v: string): void => {
    const t = next();
    if (t.t !== 'punct' || t.v !== v) throw new SyntaxError(`expected ${v}, got ${JSON.stringify(t)}`);
  };
  const iriOf = (t: Token): string => {
    if (t.t === 'iri') return resolveIri(base, t.v);
    if (t.t === 'pname') {
      const colon = t.v.indexOf(':');
      const ns = prefixes.get(t.v.slice(0, colon));
      if (ns === undefined) throw new SyntaxError(`unknown prefix in ${t.v}`);
      return ns + t.v.slice(colon + 1);
    }
    throw new SyntaxError(`expected an IRI, got ${JSON.stringify(t)}`);
  };
  const object = (): TurtleTerm => {
    const t = next();
    if (t.t === 'string') {
      const after = peek();
      if (after?.t === 'lang') {
        p++;
        return { kind: 'literal', value: t.v, language: after.v };
      }
      if (after?.t === 'dtype') {
        p++;
        return { kind: 'literal', value: t.v, datatype: iriOf(next()) };
      }
      return { kind: 'literal', value: t.v };
    }
    if (t.t === 'number') return { kind: 'literal', value: t.v, datatype: 'number' };
    if (t.t === 'word' && (t.v === 'true' || t.v === 'false')) {
      return { kind: 'literal', value: t.v, datatype: 'http://www.w3.org/2001/XMLSchema#boolean' };
    }
    if (t.t === 'punct' && t.v === '(') {
      const items: TurtleTerm[] = [];
      while (!(peek()?.t === 'punct' && (peek() as { v: string }).v === ')')) items.push(object());
      expect(')');
      return { kind: 'list', items };
    }
    return { kind: 'iri', value: iriOf(t) };
  };

  while (p < tokens.length) {
    const t = next();
    if (t.t === 'lang' && (t.v === 'prefix' || t.v === 'base')) {
      if (t.v === 'prefix') {
        const name = next();
        if (name.t !== 'pname' || !name.v.endsWith(':')) throw new SyntaxError('bad @prefix');
        const iri = next();
        if (iri.t !== 'iri') throw new SyntaxError('bad @prefix IRI');
        prefixes.set(name.v.slice(0, -1), resolveIri(base, iri.v));
      } else {
        const iri = next();
        if (iri.t !== 'iri') throw new SyntaxError('bad @base IRI');
        base = resolveIri(base, iri.v);
      }
      expect('.');
      continue;
    }
    const subject = iriOf(t);
    for (;;) {
      const pt = next();
      const predicate = pt.t === 'word' && pt.v === 'a' ? RDF_TYPE : iriOf(pt);
      for (;;) {
        triples.push({ subject, predicate, object: object() });
        const sep = peek();
        if (sep?.t === 'punct' && sep.v === ',') {
          p++;
          continue;
        }
        break;
      }
      const sep = next();
      if (sep.t !== 'punct') throw new SyntaxError(`expected ; or ., got ${JSON.stringify(sep)}`);
      if (sep.v === '.') break;
      if (sep.v !== ';') throw new SyntaxError(`expected ; or ., got ${sep.v}`);
      // A trailing ';' before '.' is allowed.
      const after = peek();
      if (after?.t === 'punct' && after.v === '.') {
        p++;
        break;
      }
    }
  }
  return triples;
}
