import { join } from 'node:path';
import { dataDir } from '../../paths.js';

/**
 * A small A4 layout kit for the council report: headings, paragraphs, tables and charts drawn
 * as vector graphics (no images), flowing onto new pages as needed. DejaVu Sans is embedded
 * (subset) so æ, ø, å and the Sámi letters print in every viewer.
 */
const FONT = join(dataDir, 'fonts', 'DejaVuSans.ttf');
const FONT_BOLD = join(dataDir, 'fonts', 'DejaVuSans-Bold.ttf');

export const MARGIN = 56;
/** What a chart with the start of its table needs below a heading. */
export const CHART_KEEP = 280;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b8b8b8';
/** Bars in a dark blue and a dark red: each against white above 4.5:1, and told apart by sign. */
const BAR = '#1f4e79';
const BAR_NEGATIVE = '#9b2c2c';

export interface Column {
  label: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right';
}

export interface ChartPoint {
  label: string;
  value: number | null;
}

export class ReportLayout {
  readonly width: number;
  constructor(readonly doc: PDFKit.PDFDocument) {
    doc.registerFont('body', FONT);
    doc.registerFont('bold', FONT_BOLD);
    this.width = doc.page.width - 2 * MARGIN;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** `keep`: room kept below the heading for what follows it (a chart needs more). */
  heading(text: string, level: 1 | 2 | 3 = 1, keep = 90): void {
    const size = level === 1 ? 17 : level === 2 ? 13 : 11;
    // Never a heading alone at the foot of a page.
    this.ensure(size * 3 + keep);
    if (this.doc.y > MARGIN + 1) this.doc.moveDown(level === 1 ? 0.8 : 0.5);
    this.doc
      .font('bold')
      .fontSize(size)
      .fillColor(INK)
      .text(text, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): void {
    this.doc
      .font('body')
      .fontSize(options.size ?? 10)
      .fillColor(options.muted ? MUTED : INK)
      .text(text, MARGIN, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.doc.fillColor(INK).moveDown(0.4);
  }

  /** A table with a bold header row, repeated when the table runs onto a new page. */
  table(columns: Column[], rows: string[][]): void {
    const size = 9;
    const pad = 3;
    const widths = columns.map((c) => c.width * this.width);
    const rowHeight = (cells: string[], font: string) => {
      this.doc.font(font).fontSize(size);
      return (
        Math.max(
          ...cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i]! - 2 * pad })),
        ) +
        2 * pad
      );
    };
    const drawRow = (cells: string[], font: string) => {
      const h = rowHeight(cells, font);
      const y = this.doc.y;
      let x = MARGIN;
      this.doc.font(font).fontSize(size).fillColor(INK);
      cells.forEach((cell, i) => {
        this.doc.text(cell, x + pad, y + pad, {
          width: widths[i]! - 2 * pad,
          align: columns[i]!.align ?? 'left',
        });
        x += widths[i]!;
      });
      this.doc
        .moveTo(MARGIN, y + h)
        .lineTo(MARGIN + this.width, y + h)
        .lineWidth(font === 'bold' ? 0.8 : 0.4)
        .strokeColor(RULE)
        .stroke();
      this.doc.x = MARGIN;
      this.doc.y = y + h;
    };
    const header = columns.map((c) => c.label);
    this.ensure(rowHeight(header, 'bold') + (rows[0] ? rowHeight(rows[0], 'body') : 0));
    drawRow(header, 'bold');
    for (const row of rows) {
      if (this.doc.y + rowHeight(row, 'body') > this.bottom) {
        this.doc.addPage();
        drawRow(header, 'bold');
      }
      drawRow(row, 'body');
    }
    this.doc.moveDown(0.8);
  }

  /** Vertical bars from a zero line (negative values below it), values printed on each bar. */
  barChart(title: string, points: ChartPoint[], format: (n: number) => string): void {
    const height = 150;
    // Room for the chart and the start of its table, so the two stay together.
    this.ensure(height + 110);
    this.chartTitle(title);
    const { top, left, plotWidth, y } = this.plotArea(points, height, format);
    const slot = plotWidth / Math.max(points.length, 1);
    const barWidth = Math.min(40, slot * 0.6);
    const zero = y(0);
    points.forEach((p, i) => {
      const cx = left + slot * (i + 0.5);
      if (p.value !== null) {
        const yv = y(p.value);
        const fill = p.value < 0 ? BAR_NEGATIVE : BAR;
        this.doc
          .rect(cx - barWidth / 2, Math.min(yv, zero), barWidth, Math.max(Math.abs(zero - yv), 0.5))
          .fill(fill);
        this.doc
          .font('body')
          .fontSize(7)
          .fillColor(INK)
          .text(format(p.value), cx - slot / 2, p.value < 0 ? yv + 2 : yv - 10, {
            width: slot,
            align: 'center',
            lineBreak: false,
          });
      }
      this.xLabel(p.label, cx, slot, top + height);
    });
    this.endChart(top + height);
  }

  /** A line through the points (gaps where there is no value), with a dashed target line. */
  lineChart(
    title: string,
    points: ChartPoint[],
    target: number | null,
    format: (n: number) => string,
  ): void {
    const height = 130;
    this.ensure(height + 110);
    this.chartTitle(title);
    const withTarget = target === null ? points : [...points, { label: '', value: target }];
    const { top, left, plotWidth, y } = this.plotArea(withTarget, height, format);
    const slot = plotWidth / Math.max(points.length, 1);
    const xOf = (i: number) => left + slot * (i + 0.5);
    if (target !== null) {
      this.doc
        .moveTo(left, y(target))
        .lineTo(left + plotWidth, y(target))
        .lineWidth(1)
        .dash(4, { space: 3 })
        .strokeColor(BAR_NEGATIVE)
        .stroke()
        .undash();
    }
    let drawing = false;
    points.forEach((p, i) => {
      if (p.value === null) {
        drawing = false;
        return;
      }
      if (drawing) this.doc.lineTo(xOf(i), y(p.value));
      else this.doc.moveTo(xOf(i), y(p.value));
      drawing = true;
    });
    this.doc.lineWidth(1.6).strokeColor(BAR).stroke();
    points.forEach((p, i) => {
      if (p.value !== null) this.doc.circle(xOf(i), y(p.value), 2.5).fill(BAR);
      this.xLabel(p.label, xOf(i), slot, top + height);
    });
    this.endChart(top + height);
  }

  private chartTitle(title: string): void {
    this.doc.font('bold').fontSize(10).fillColor(INK).text(title, MARGIN, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.5);
  }

  /** Axes, gridlines and a value scale from the points' range, always including zero. */
  private plotArea(points: ChartPoint[], height: number, format: (n: number) => string) {
    const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
    const step = niceStep(Math.min(0, ...values), Math.max(0, ...values));
    const min = Math.floor(Math.min(0, ...values) / step) * step;
    const max = Math.max(Math.ceil(Math.max(0, ...values) / step) * step, min + step);
    const top = this.doc.y + 6;
    const left = MARGIN + 48;
    const plotWidth = this.width - 48;
    const y = (v: number) => top + height - ((v - min) / (max - min)) * height;
    this.doc.font('body').fontSize(7);
    for (let v = min; v <= max + step / 2; v += step) {
      this.doc
        .moveTo(left, y(v))
        .lineTo(left + plotWidth, y(v))
        .lineWidth(v === 0 ? 0.9 : 0.3)
        .strokeColor(v === 0 ? INK : RULE)
        .stroke();
      this.doc
        .fillColor(MUTED)
        .text(format(v), MARGIN, y(v) - 4, { width: 44, align: 'right', lineBreak: false });
    }
    return { top, left, plotWidth, y };
  }

  private xLabel(label: string, cx: number, slot: number, base: number): void {
    this.doc
      .font('body')
      .fontSize(7)
      .fillColor(MUTED)
      .text(label, cx - slot / 2, base + 4, { width: slot, align: 'center', lineBreak: false });
  }

  private endChart(base: number): void {
    this.doc.fillColor(INK);
    this.doc.x = MARGIN;
    this.doc.y = base + 18;
  }
}

/** A round step (1, 2 or 5 × 10ⁿ) giving about five gridlines over the range. */
export function niceStep(min: number, max: number): number {
  const span = max - min;
  if (span <= 0) return 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
  return nice * power;
}
