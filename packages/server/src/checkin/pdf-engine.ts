import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';

/** pdfmake's document definition (its type package does not export the name). */
export type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

const require = createRequire(import.meta.url);
/** The Roboto TTFs bundled with pdfmake: they cover every Vietnamese letter and survive pdftotext. */
const FONT_DIR = resolve(join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto'));

let configured = false;

/**
 * pdfmake is one configured module instance: fonts from its own Roboto folder, no URL downloads,
 * local reads limited to that folder (reference/dependencies.md §11). Idempotent.
 */
function configure(): void {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONT_DIR + sep));
  configured = true;
}

/** Render a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Roboto', ...doc.defaultStyle } }).getBuffer();
}
