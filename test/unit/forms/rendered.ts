/** A layout rendered as the route does, read back as a person would: every page drawn, the text extracted. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { expect } from 'vitest';
import { renderPdf } from '../../../server/infra/pdf.js';
import { pageCount, pdfText, renderPages } from '../../support/pdf.js';

export { expectAll } from '../../support/pdf.js';

/** The PDF's text, once every page has rendered to PNG (the first kept as `keepAs`, for the README). */
export async function renderedText(definition: TDocumentDefinitions, name: string, keepAs?: string): Promise<string> {
  const pdf = await renderPdf(definition);
  expect(renderPages(pdf, name, keepAs)).toHaveLength(pageCount(pdf));
  return pdfText(pdf);
}
