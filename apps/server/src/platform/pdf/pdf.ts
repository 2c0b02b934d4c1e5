import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';

/**
 * PDF rendering for documents Vigil issues (handover packages), as the printed prisoner record
 * does it: DejaVu Sans from the `dejavu-fonts-ttf` package has every Cyrillic letter Tajik needs
 * (ғ ӣ қ ӯ ҳ ҷ), and pdfkit embeds only the glyphs used, with a ToUnicode map so the text of the
 * PDF can be searched, copied and checked by a test.
 */
export type PdfDocument = Parameters<typeof pdfmake.createPdf>[0];

/** The font family name to put in a document's `defaultStyle`. */
export const PDF_FONT = 'DejaVu';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

pdfmake.setFonts({
  [PDF_FONT]: {
    normal: join(FONT_DIR, 'DejaVuSans.ttf'),
    bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
    italics: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(FONT_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
});
// A document is built from our own data only: never fetch a URL, never read a file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));

export const renderPdf = (doc: PdfDocument): Promise<Buffer> => pdfmake.createPdf(doc).getBuffer();
