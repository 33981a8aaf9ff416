/** What the tests read in a README: its fenced code blocks and its links. */

/** A fenced code block. */
export interface CodeBlock {
  /** The info string's first word (`ts`, `sh`, …), empty when the fence names none. */
  readonly language: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
}

/** The fenced code blocks of a Markdown text, in order (an unclosed fence runs to the end). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let open: { language: string; line: number; lines: string[] } | undefined;
  markdown.split('\n').forEach((text, index) => {
    const fence = /^```(.*)$/.exec(text);
    if (open === undefined) {
      if (fence)
        open = { language: (fence[1] ?? '').trim().split(/\s/)[0] ?? '', line: index + 1, lines: [] };
    } else if (fence && fence[1]?.trim() === '') {
      blocks.push({ language: open.language, line: open.line, code: `${open.lines.join('\n')}\n` });
      open = undefined;
    } else {
      open.lines.push(text);
    }
  });
  if (open) blocks.push({ language: open.language, line: open.line, code: `${open.lines.join('\n')}\n` });
  return blocks;
}

/** The Markdown text outside fenced code blocks. */
export function prose(markdown: string): string {
  let inside = false;
  return markdown
    .split('\n')
    .filter((text) => {
      if (/^```/.test(text)) {
        inside = !inside;
        return false;
      }
      return !inside;
    })
    .join('\n');
}

/** The targets of the inline links and images of a Markdown text (outside code blocks). */
export function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? '');
}
