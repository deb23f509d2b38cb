/**
 * A small OFD writer (GB/T 33190) for the fixture scripts: pages of text objects and straight
 * rules, template pages (a running header), fonts by name, packed into a reproducible zip.
 * Positions are in mm from the page's top left; a text object's glyph advances are written as
 * `DeltaX` (runs of equal advances in the `g N d` shorthand).
 *
 * const ofd = new OfdWriter({ title: '…' });
 * const font = ofd.addFont('仿宋_GB2312');
 * const header = ofd.addTemplate([{ type: 'text', … }]);
 * ofd.addPage([{ type: 'text', x, y, size, text, font, advances }, { type: 'rule', from: [x, y], to: [x, y] }], { templates: [header] });
 * const bytes = await ofd.pack();
 */
import JSZip from 'jszip';

const FIXED_DATE = new Date('2024-01-01T00:00:00Z');
const NS = 'http://www.ofdspec.org/2016';

/** Round to 0.001 mm and drop trailing zeros. */
export function mm(value) {
  return String(Math.round(value * 1000) / 1000);
}

/** `DeltaX` for a list of advances: runs of two or more equal values as `g N d`. */
export function encodeDeltas(advances) {
  const parts = [];
  for (let i = 0; i < advances.length; ) {
    let j = i;
    while (j < advances.length && mm(advances[j]) === mm(advances[i])) j++;
    if (j - i >= 2) parts.push(`g ${j - i} ${mm(advances[i])}`);
    else parts.push(mm(advances[i]));
    i = j;
  }
  return parts.join(' ');
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class OfdWriter {
  /**
   * @param options `title` (DocInfo), `pageSize` [w, h] in mm (default A4).
   */
  constructor({ title = '', pageSize = [210, 297] } = {}) {
    this.title = title;
    this.pageSize = pageSize;
    this.fonts = [];
    this.templates = [];
    this.pages = [];
    this.nextId = 1;
  }

  /** Registers a font by name; returns its resource id. */
  addFont(name) {
    const known = this.fonts.find((font) => font.name === name);
    if (known) return known.id;
    const id = this.nextId++;
    this.fonts.push({ id, name });
    return id;
  }

  /** Adds a template page (drawn under the pages that use it); returns its id. */
  addTemplate(objects) {
    const id = this.nextId++;
    this.templates.push({ id, objects });
    return id;
  }

  /**
   * Adds a page. Objects: `{ type: 'text', x, y, size, text, font, advances?, ctm? }` (x = left edge,
   * y = baseline, size = font size, all mm; advances between glyphs, default the size; `ctm` [a b c d e f]
   * maps the object's own space, in which x/y/size/advances are then given), or
   * `{ type: 'rule', from: [x, y], to: [x, y], width? }`.
   */
  addPage(objects, { templates = [] } = {}) {
    this.pages.push({ id: this.nextId++, objects, templates });
  }

  objectXml(object) {
    const id = this.nextId++;
    if (object.type === 'rule') {
      const [x0, y0] = object.from;
      const [x1, y1] = object.to;
      const left = Math.min(x0, x1);
      const top = Math.min(y0, y1);
      const box = `${mm(left)} ${mm(top)} ${mm(Math.abs(x1 - x0) + 0.5)} ${mm(Math.abs(y1 - y0) + 0.5)}`;
      return `<ofd:PathObject ID="${id}" Boundary="${box}" LineWidth="${mm(object.width ?? 0.25)}">`
        + `<ofd:AbbreviatedData>M ${mm(x0 - left)} ${mm(y0 - top)} L ${mm(x1 - left)} ${mm(y1 - top)}</ofd:AbbreviatedData></ofd:PathObject>`;
    }
    const chars = [...object.text];
    const scale = object.ctm ? object.ctm[0] : 1;
    const advances = object.advances ?? chars.slice(1).map(() => object.size);
    const width = advances.reduce((sum, advance) => sum + advance, 0) + object.size;
    // The boundary holds the line from its top (an em above the baseline) to a quarter em below.
    const top = object.y - object.size * scale;
    const box = `${mm(object.x)} ${mm(top)} ${mm(width * scale)} ${mm(object.size * 1.25 * scale)}`;
    const ctm = object.ctm ? ` CTM="${object.ctm.map(mm).join(' ')}"` : '';
    const delta = advances.length > 0 ? ` DeltaX="${encodeDeltas(advances)}"` : '';
    return `<ofd:TextObject ID="${id}" Boundary="${box}" Font="${object.font}" Size="${mm(object.size)}"${ctm}>`
      + `<ofd:TextCode X="0" Y="${mm(object.size)}"${delta}>${escapeXml(object.text)}</ofd:TextCode></ofd:TextObject>`;
  }

  contentXml(objects, templates = []) {
    const [w, h] = this.pageSize;
    const uses = templates.map((id) => `<ofd:Template TemplateID="${id}" ZOrder="Background"/>`).join('');
    const layer = `<ofd:Layer ID="${this.nextId++}">${objects.map((object) => this.objectXml(object)).join('')}</ofd:Layer>`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="${NS}"><ofd:Area><ofd:PhysicalBox>0 0 ${w} ${h}</ofd:PhysicalBox></ofd:Area>${uses}<ofd:Content>${layer}</ofd:Content></ofd:Page>\n`;
  }

  /** The package's parts as { path: text }, for hand-made broken variants. */
  parts() {
    const [w, h] = this.pageSize;
    const files = {};
    files['OFD.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="${NS}" DocType="OFD" Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>plancheck-fixture</ofd:DocID><ofd:Title>${escapeXml(this.title)}</ofd:Title><ofd:Creator>plancheck scripts/renditions/ofd-writer.mjs</ofd:Creator><ofd:CreationDate>2024-01-01</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n`;
    this.templates.forEach((template, index) => {
      files[`Doc_0/Tpls/Tpl_${index}/Content.xml`] = this.contentXml(template.objects);
    });
    this.pages.forEach((page, index) => {
      files[`Doc_0/Pages/Page_${index}/Content.xml`] = this.contentXml(page.objects, page.templates);
    });
    const fonts = this.fonts.map((font) => `<ofd:Font ID="${font.id}" FontName="${escapeXml(font.name)}" FamilyName="${escapeXml(font.name)}"/>`).join('');
    files['Doc_0/PublicRes.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts>${fonts}</ofd:Fonts></ofd:Res>\n`;
    const templateList = this.templates.map((template, index) => `<ofd:TemplatePage ID="${template.id}" BaseLoc="Tpls/Tpl_${index}/Content.xml"/>`).join('');
    const pageList = this.pages.map((page, index) => `<ofd:Page ID="${page.id}" BaseLoc="Pages/Page_${index}/Content.xml"/>`).join('');
    files['Doc_0/Document.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${this.nextId}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${w} ${h}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${templateList}</ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>\n`;
    return files;
  }

  /** The zip, byte for byte the same on every run. */
  async pack(files = this.parts()) {
    return packParts(files);
  }
}

/** Zips `{ path: text | bytes }` deterministically (fixed dates, DEFLATE level 9, given order). */
export async function packParts(files) {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
