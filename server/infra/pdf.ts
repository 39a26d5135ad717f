/**
 * Renders a form's pdfmake document definition to PDF bytes with Noto Serif embedded (the whole font is
 * embedded, so every Vietnamese glyph is there; pdf-lib's subsetting drops some). Layouts live in
 * server/domain/forms/ and never see pdfmake's runtime, only its types.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
const fontFile = (weight: string): string =>
  require.resolve(`@expo-google-fonts/noto-serif/${weight}/NotoSerif_${weight}.ttf`);

const FONT_FILES = {
  normal: fontFile('400Regular'),
  bold: fontFile('700Bold'),
  italics: fontFile('400Regular_Italic'),
  bolditalics: fontFile('700Bold_Italic'),
};
const ALLOWED = new Set(Object.values(FONT_FILES));

pdfmake.setFonts({ NotoSerif: FONT_FILES });
// A layout never reads files or URLs: only the four font files may be opened.
pdfmake.setLocalAccessPolicy((file) => ALLOWED.has(file));
pdfmake.setUrlAccessPolicy(() => false);

export const PDF_FONT = 'NotoSerif';

/** The PDF of a form's document definition. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const document = pdfmake.createPdf({
    ...definition,
    defaultStyle: { font: PDF_FONT, ...definition.defaultStyle },
  });
  return document.getBuffer();
}
