/**
 * JSON string literals written exactly as belenios-tool's serializer (Yojson) writes them, so that
 * hashes over re-serialized structures agree: `"` and `\` escaped, `\b \t \n \f \r`, other control
 * characters and DEL as `\u00XX`, everything else (including non-ASCII) verbatim.
 *
 * @module
 */

/**
 * Serializes a string as a JSON literal, Yojson style.
 * @param text - the string
 * @returns the quoted literal
 */
export function jsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += text[i];
  }
  return `${out}"`;
}
