/** Every string drawn by a piece of pdfmake content, in order. */
export function textsOf(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (Array.isArray(content)) return content.flatMap(textsOf);
  if (content && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    return ['text', 'stack', 'columns', 'table', 'body', 'content'].flatMap((key) =>
      key in node ? textsOf(node[key]) : [],
    );
  }
  return [];
}
