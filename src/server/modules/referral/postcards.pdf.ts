import { join } from 'node:path';
import type PDFDocumentCtor from 'pdfkit';
import qrcode from 'qrcode-generator';
import type { Locale } from '../../../web/i18n/locales.js';
import { referralTranslator } from '../../../web/site/referral/text.js';
import { dataDir } from '../../paths.js';
import { replayable } from './pdf-replay.js';

/**
 * Print-ready postcards: A6 landscape (148 × 105 mm) with 3 mm bleed on every side, two pages
 * per card (front, back). Vector only, one embedded image at most, fonts subset: 10,000 cards
 * stay a few megabytes and the document streams page by page.
 */
const MM = 72 / 25.4;
const BLEED = 3 * MM;
export const TRIM = { width: 148 * MM, height: 105 * MM };
export const PAGE = { width: TRIM.width + 2 * BLEED, height: TRIM.height + 2 * BLEED };
/** Nothing important closer than this to the trim edge (the cutter wanders). */
const SAFE = 6 * MM;

const FONT = join(dataDir, 'fonts', 'DejaVuSans.ttf');
const FONT_BOLD = join(dataDir, 'fonts', 'DejaVuSans-Bold.ttf');

export interface CardDesign {
  regionName: string;
  campaignName: string;
  /** The campaign's back text; the default message when empty. */
  message: string;
  locale: Locale;
  themeColor: string;
  frontImage: Buffer | undefined;
  /** The site's public address: the QR code leads to its short opt-out link. */
  publicUrl: string;
  /** The same without the scheme, short enough to type from the card. */
  optOutShortUrl: string;
  isDemo: boolean;
}

export interface Card {
  name: string;
  addressLine: string;
  postcode: string;
  city: string | null;
  optOutCode: string;
  /** Only when the tipper allowed it: their first name. */
  tipperFirstName: string | null;
}

/** pdfkit opens an image once and reuses it; its typings know only paths and buffers. */
interface OpenedImage {
  width: number;
  height: number;
}
interface ImageApi {
  openImage(src: Buffer): OpenedImage;
  image(src: OpenedImage, x: number, y: number, options: PDFKit.Mixins.ImageOption): unknown;
}
const imageApi = (doc: PDFKit.PDFDocument) => doc as unknown as ImageApi;

// pdfkit costs ~11 MB of resident memory: loaded at the first image check or print batch,
// not when the server starts.
let pdfkit: Promise<typeof PDFDocumentCtor> | undefined;
const loadPdfkit = () => {
  pdfkit ??= import('pdfkit').then((m) => m.default);
  return pdfkit;
};

/** Refuses what pdfkit could not print, with a reason a person understands. */
export async function checkImage(bytes: Buffer, contentType: string): Promise<string | null> {
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isPng && !isJpeg) return 'Not a PNG or JPEG image';
  if ((contentType === 'image/png') !== isPng) return `The file is not ${contentType}`;
  const PDFDocument = await loadPdfkit();
  try {
    const image = imageApi(new PDFDocument({ autoFirstPage: false })).openImage(bytes);
    if (image.width < 300 || image.height < 200) return 'The image is too small to print';
  } catch {
    return 'The image cannot be read';
  }
  return null;
}

/** Postal address, Norwegian style: name, street, then postcode and town in capitals. */
export function addressLines(card: Card): string[] {
  const town = (card.city ?? '').trim().toLocaleUpperCase('nb');
  return [card.name, card.addressLine, `${card.postcode} ${town}`.trim()];
}

export interface PostcardWriter {
  doc: PDFKit.PDFDocument;
  addCard(card: Card): void;
}

/** QR codes are smallest in alphanumeric mode: upper case, digits and a few signs only. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** The QR code's address: `HTTPS://HOST/R/CODE`, short and alphanumeric where it can be. */
export function qrUrl(publicUrl: string, code: string): string {
  const url = new URL(publicUrl);
  const origin = `${url.protocol}//${url.host}`.toUpperCase();
  return `${origin}${url.pathname.replace(/\/$/, '')}/R/${code}`;
}

export async function createPostcardPdf(design: CardDesign): Promise<PostcardWriter> {
  const PDFDocument = await loadPdfkit();
  const t = referralTranslator(design.locale);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [PAGE.width, PAGE.height],
    margin: 0,
    compress: true,
    info: {
      Title: `${design.campaignName} – ${t('postcard.frontTitle')}`,
      Author: design.regionName,
    },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  // Opened once: every card refers to the same embedded image.
  const image = design.frontImage ? imageApi(doc).openImage(design.frontImage) : undefined;
  const message =
    design.message.trim() || t('postcard.defaultMessage', { region: design.regionName });

  const left = BLEED + SAFE;
  const top = BLEED + SAFE;
  const mid = BLEED + TRIM.width / 2;
  const right = BLEED + TRIM.width - SAFE;
  const bottom = BLEED + TRIM.height - SAFE;
  const colWidth = mid - left - 4 * MM;
  const boxTop = top + 38 * MM;
  const pad = 2 * MM;
  const inner = colWidth - 2 * pad;
  const qrSize = 15 * MM;
  const qrY = bottom - pad - qrSize;
  const codeX = left + pad + qrSize + 2 * MM;

  const front = replayable(doc, () => {
    if (image) {
      imageApi(doc).image(image, 0, 0, {
        cover: [PAGE.width, PAGE.height],
        align: 'center',
        valign: 'center',
      });
      return;
    }
    // A plain designed front in the region's colour, with the site's mountain mark.
    doc.rect(0, 0, PAGE.width, PAGE.height).fill(design.themeColor);
    const base = PAGE.height - BLEED - SAFE;
    doc
      .polygon(
        [0, PAGE.height],
        [PAGE.width * 0.35, base - 40 * MM],
        [PAGE.width * 0.55, base - 18 * MM],
        [PAGE.width * 0.7, base - 30 * MM],
        [PAGE.width, PAGE.height],
      )
      .fillOpacity(0.18)
      .fill('#ffffff')
      .fillOpacity(1);
    doc.fillColor('#ffffff').font('bold').fontSize(26);
    doc.text(t('postcard.frontTitle'), left, top + 8 * MM, { width: TRIM.width - 2 * SAFE });
    doc
      .font('body')
      .fontSize(12)
      .text(t('postcard.frontLead', { region: design.regionName }));
  });

  // Everything on the back that is the same on every card.
  const backCommon = replayable(doc, () => {
    doc.fillColor('#000000').strokeColor('#000000');
    doc.moveTo(mid, top).lineTo(mid, bottom).lineWidth(0.5).stroke();
    doc.font('body').fontSize(9);
    doc.text(message, left, top, { width: colWidth, height: 26 * MM, ellipsis: true });
    // The privacy notice is its own framed block, as Art. 14 information must stand out.
    doc
      .rect(left, boxTop, colWidth, bottom - boxTop)
      .lineWidth(0.6)
      .stroke();
    doc
      .font('bold')
      .fontSize(6.5)
      .text(t('postcard.privacyTitle'), left + pad, boxTop + pad, { width: inner });
    const privacy = t('postcard.privacyBody', {
      region: design.regionName,
      campaign: design.campaignName,
    });
    doc.font('body').fontSize(5.6).text(privacy, { width: inner, lineGap: 0.2 });
    doc
      .moveDown(0.3)
      .text(t('postcard.optOut', { url: design.optOutShortUrl }), { width: inner, lineGap: 0.2 });
    doc
      .font('body')
      .fontSize(7)
      .text(design.optOutShortUrl, codeX, qrY + 7 * MM, { width: inner - qrSize - 2 * MM });
    doc
      .rect(right - 22 * MM, top, 22 * MM, 26 * MM)
      .lineWidth(0.5)
      .dash(2, { space: 2 })
      .stroke()
      .undash();
    if (design.isDemo) {
      doc
        .font('bold')
        .fontSize(8)
        .fillColor('#b00020')
        .text(t('postcard.demo'), mid + 5 * MM, top, { width: 40 * MM });
      doc.fillColor('#000000');
    }
  });

  const num = (n: number) => Math.round(n * 1000) / 1000;

  function qr(text: string, x: number, y: number, size: number) {
    const code = qrcode(0, 'M');
    code.addData(text, ALPHANUMERIC.test(text) ? 'Alphanumeric' : 'Byte');
    code.make();
    const n = code.getModuleCount();
    const cell = size / n;
    // Runs of dark modules as one rectangle each, written as one piece of the content
    // stream (in pdfkit's top-down page space): doc.rect per run allocates per run.
    const ops: string[] = [];
    for (let row = 0; row < n; row += 1) {
      let start = -1;
      for (let col = 0; col <= n; col += 1) {
        const dark = col < n && code.isDark(row, col);
        if (dark && start < 0) start = col;
        if (!dark && start >= 0) {
          ops.push(
            `${num(x + start * cell)} ${num(y + row * cell)} ${num((col - start) * cell)} ${num(cell)} re`,
          );
          start = -1;
        }
      }
    }
    doc.fillColor('#000000');
    doc.addContent(`${ops.join('\n')}\nf`);
  }

  // Translated once: i18next per card is measurable over 10,000 cards.
  const named = t('postcard.tipperNamed', { name: '\u0000' }).split('\u0000');
  const codeLine = t('postcard.code', { code: '\u0000' }).split('\u0000');

  function back(card: Card) {
    backCommon();
    if (card.tipperFirstName) {
      doc
        .font('bold')
        .fontSize(9)
        .text(named.join(card.tipperFirstName), left, top + 28 * MM, {
          width: colWidth,
          height: 8 * MM,
          ellipsis: true,
        });
    }
    qr(qrUrl(design.publicUrl, card.optOutCode), left + pad, qrY, qrSize);
    doc
      .font('bold')
      .fontSize(9)
      .text(codeLine.join(card.optOutCode), codeX, qrY + 2 * MM, {
        width: inner - qrSize - 2 * MM,
        lineBreak: false,
      });
    doc.font('body').fontSize(10);
    doc.text(addressLines(card).join('\n'), mid + 6 * MM, top + 48 * MM, {
      width: right - mid - 6 * MM,
      lineGap: 2,
    });
  }

  return {
    doc,
    addCard(card: Card) {
      doc.addPage();
      front();
      doc.addPage();
      back(card);
    },
  };
}
