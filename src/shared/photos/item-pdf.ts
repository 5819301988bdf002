/**
 * An item as a PDF: a title page with its description and archival citation, then each photo (its
 * display copy) on a page of its own, followed by the page(s) of what was transcribed on it — the
 * photo's transcription and its regions'. Built with pdf-lib; the text is set in one embedded Unicode
 * font (subset to the glyphs used) because Lithuanian, Russian and Polish are beyond the PDF standard
 * fonts. Pure: the caller gives the font, the images and every label already translated.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { printable, wrapText } from './pdf-text';

export interface PdfTextBlock {
  /** e.g. "Region 2" or "Transcription"; drawn above the text. */
  heading: string;
  text: string;
}

export interface PdfPhotoPage {
  /** Above the photo, e.g. "Photo 3 — LYA, f. K-1, ap. 58, b. 12, l. 14". */
  caption: string;
  /** A JPEG (the photo's display copy). */
  jpeg: Uint8Array;
  /** What was transcribed or noted on this photo; none → no text page follows it. */
  blocks: PdfTextBlock[];
}

export interface ItemPdfInput {
  /** A TrueType font with the glyphs of every text (resources/fonts/DejaVuSans.ttf). */
  font: Uint8Array;
  title: string;
  /** Label and value pairs of the description, in form order (empty values left out by the caller). */
  description: Array<{ label: string; value: string }>;
  citation: { label: string; value: string };
  photos: PdfPhotoPage[];
  /** Heading of a photo's text page(s), from the photo's caption. */
  textHeading(caption: string): string;
  /** BCP 47 tag of the labels' language (the document's /Lang). */
  language: string;
  /** The PDF's Creator entry. */
  creator: string;
}

/** A4 in points, with 2 cm margins. */
const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56.7;
const BODY = 11;
const LEADING = 1.35;

/** Writes lines top-down, starting a new page when one is full. */
class TextFlow {
  private page: PDFPage | null = null;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {}

  private get width(): number {
    return PAGE[0] - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  paragraph(text: string, size = BODY, gapAfter = size * 0.6, grey = false): void {
    const lines = wrapText(text, this.width, (line) => this.font.widthOfTextAtSize(line, size));
    for (const line of lines) {
      if (!this.page || this.y - size < MARGIN) this.newPage();
      this.y -= size;
      if (line !== '') {
        (this.page as PDFPage).drawText(line, {
          x: MARGIN,
          y: this.y,
          size,
          font: this.font,
          color: grey ? rgb(0.3, 0.3, 0.3) : rgb(0, 0, 0),
        });
      }
      this.y -= size * (LEADING - 1);
    }
    this.y -= gapAfter;
  }
}

export async function buildItemPdf(input: ItemPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(input.font, { subset: true });
  doc.setTitle(printable(input.title), { showInWindowTitleBar: true });
  doc.setSubject(printable(input.citation.value));
  doc.setCreator(input.creator);
  doc.setLanguage(input.language);

  const title = new TextFlow(doc, font);
  title.newPage();
  title.paragraph(input.title, 18, 14);
  for (const { label, value } of input.description) title.paragraph(`${label}: ${value}`, BODY, 4);
  title.paragraph('', BODY, 6);
  title.paragraph(input.citation.label, BODY, 2, true);
  title.paragraph(input.citation.value, 12);

  for (const [index, photo] of input.photos.entries()) {
    let image;
    try {
      image = await doc.embedJpg(photo.jpeg);
    } catch (error) {
      throw new Error(
        `photo ${index + 1} (${photo.caption}): not a readable JPEG: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const page = doc.addPage(PAGE);
    const captionSize = 10;
    const captionLines = wrapText(photo.caption, PAGE[0] - 2 * MARGIN, (line) =>
      font.widthOfTextAtSize(line, captionSize),
    );
    let y = PAGE[1] - MARGIN;
    for (const line of captionLines) {
      y -= captionSize;
      page.drawText(line, { x: MARGIN, y, size: captionSize, font, color: rgb(0.3, 0.3, 0.3) });
      y -= captionSize * (LEADING - 1);
    }
    const box = { width: PAGE[0] - 2 * MARGIN, height: y - 8 - MARGIN };
    const scale = Math.min(box.width / image.width, box.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    page.drawImage(image, { x: MARGIN + (box.width - width) / 2, y: y - 8 - height, width, height });

    if (photo.blocks.length === 0) continue;
    const text = new TextFlow(doc, font);
    text.newPage();
    text.paragraph(input.textHeading(photo.caption), 13, 10);
    for (const block of photo.blocks) {
      text.paragraph(block.heading, 10, 2, true);
      text.paragraph(block.text, BODY, 10);
    }
  }
  return doc.save();
}
