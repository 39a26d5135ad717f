/** Reading a PDF as a person would: its text (poppler's pdftotext) and its pages rendered (pdftoppm). */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  const file = path.join(dir, 'form.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Renders every page to PNG under /tmp and returns their paths; the first may be kept as `keepAs`. */
export function renderPages(pdf: Uint8Array, name: string, keepAs?: string): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(dir, name)]);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
  if (keepAs && pages[0]) copyFileSync(pages[0], keepAs);
  return pages;
}

/** The page count poppler reads from the file. */
export function pageCount(pdf: Uint8Array): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  const file = path.join(dir, 'form.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Whether the text contains every one of the expected strings (the failure names those missing). */
export function expectAll(text: string | readonly string[], expected: readonly string[]): void {
  const missing = expected.filter((item) => !text.includes(item));
  expect(missing).toEqual([]);
}
