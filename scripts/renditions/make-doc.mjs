#!/usr/bin/env node
/**
 * Builds the Word 97–2003 renditions of the corpus plans and the .doc/.wps test fixtures:
 *   corpus/doc/<name>.doc              corpus/docx/<name>.docx converted by LibreOffice headless
 *                                      (`soffice --convert-to doc`, filter "MS Word 97")
 *   test/extra/corpus/doc/<name>.doc   the same for the nine extra plans (test/extra/corpus/docx/)
 *   test/fixtures/doc/kingsoft.wps     a Kingsoft-style .wps: the qinxian .doc with the streams WPS
 *                                      Office adds (WpsCustomData, KSOProductBuildVer in the
 *                                      DocumentSummaryInformation) — the WordDocument format inside
 *   test/fixtures/doc/kingsoft-old.wps an OLE file whose streams are named otherwise (no WordDocument
 *                                      stream, as older Kingsoft formats): refused with a reason
 *   test/fixtures/doc/encrypted.doc    the jiaoling .docx saved by LibreOffice as a .doc with the password
 *                                      `x` (RC4, the FIB's fEncrypted bit set) through encrypt-doc.py (UNO:
 *                                      LibreOffice 7.4's --convert-to cannot set a password); without
 *                                      python3-uno, the jiaoling .doc with only the fEncrypted bit set
 *   test/fixtures/doc/truncated.doc    the nanan .doc cut at 40 %
 *   test/fixtures/doc/wrong-magic.doc  the nanan .doc with its first eight bytes overwritten
 *   test/fixtures/doc/workbook.doc     an OLE file holding a `Workbook` stream (an .xls renamed .doc)
 *   test/fixtures/doc/hidden-text.doc  test/fixtures/hostile/hidden-text.docx (满意度 95% shown, 10% in a
 *                                      hidden run) converted by LibreOffice: the hidden run's sprmCFVanish
 *   test/fixtures/doc/tracked-deletion.doc  满意度 10% deleted and 95% inserted under tracked changes (a .docx
 *                                      made here with the docx package), converted by LibreOffice
 *   test/fixtures/doc/nested-table.doc a two-column table of tasks and departments whose second row holds a
 *                                      table of its own in a cell (made and converted alike)
 *
 * Usage: node scripts/renditions/make-doc.mjs [--force]
 *   --force  convert again even when corpus/doc/<name>.doc exists (LibreOffice stamps dates, so
 *            each conversion gives other bytes; the fixtures are derived from the committed .docs)
 * Needs soffice (Debian: libreoffice-writer-nogui) only to convert, and python3-uno to encrypt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import CFB from 'cfb';
import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DOCX = join(ROOT, 'corpus/docx');
const DOC = join(ROOT, 'corpus/doc');
const EXTRA_DOCX = join(ROOT, 'test/extra/corpus/docx');
const EXTRA_DOC = join(ROOT, 'test/extra/corpus/doc');
const FIXTURES = join(ROOT, 'test/fixtures/doc');

function convert(force, from = DOCX, to = DOC) {
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -5));
  const todo = names.filter((name) => force || !existsSync(join(to, `${name}.doc`)));
  if (todo.length === 0) return;
  const profile = mkdtempSync(join(tmpdir(), 'renditions-lo-'));
  try {
    execFileSync('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
      '--convert-to', 'doc:MS Word 97', '--outdir', to, ...todo.map((name) => join(from, `${name}.docx`)),
    ], { stdio: ['ignore', 'inherit', 'inherit'] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A compound file rewritten with its streams renamed or added. */
function rewrite(bytes, change) {
  const container = CFB.read(bytes, { type: 'buffer' });
  change(container);
  return Buffer.from(CFB.write(container, { type: 'buffer' }));
}

/** A password-protected .doc: saved so by LibreOffice where its Python bridge is installed (Debian's /usr/bin/python3 with python3-uno), else the bit only. */
function makeEncrypted() {
  const encrypted = join(FIXTURES, 'encrypted.doc');
  try {
    execFileSync('/usr/bin/python3', [join(ROOT, 'scripts/renditions/encrypt-doc.py'), join(DOCX, 'jiaoling-2022.docx'), encrypted, 'x'], { stdio: 'inherit' });
    return;
  } catch (error) {
    console.warn(`encrypt-doc.py failed (${error.message.split('\n')[0]}): encrypted.doc gets the fEncrypted bit only`);
  }
  const jiaoling = readFileSync(join(DOC, 'jiaoling-2022.doc'));
  writeFileSync(encrypted, rewrite(jiaoling, (cfb) => {
    const word = CFB.find(cfb, 'WordDocument');
    const content = Buffer.from(word.content);
    content.writeUInt16LE(content.readUInt16LE(0x0a) | 0x0100, 0x0a);
    // lKey: the hash of the password's key, which a reader never sees in clear.
    content.writeUInt32LE(0x5a3c9e71, 0x0e);
    word.content = content;
  }));
}

function makeFixtures() {
  mkdirSync(FIXTURES, { recursive: true });
  const qinxian = readFileSync(join(DOC, 'qinxian-2021.doc'));
  writeFileSync(join(FIXTURES, 'kingsoft.wps'), rewrite(qinxian, (cfb) => {
    CFB.utils.cfb_add(cfb, '/WpsCustomData', Buffer.from('KSOProductBuildVer=2052-11.1.0.14309', 'utf16le'));
    CFB.utils.cfb_add(cfb, '/KSOProductBuildVer', Buffer.from('2052-11.1.0.14309', 'utf16le'));
  }));
  writeFileSync(join(FIXTURES, 'kingsoft-old.wps'), rewrite(qinxian, (cfb) => {
    for (const [from, to] of [['WordDocument', 'WpsContent'], ['1Table', 'WpsTable']]) {
      const index = cfb.FileIndex.findIndex((entry) => entry.name === from);
      cfb.FileIndex[index].name = to;
      cfb.FullPaths[index] = cfb.FullPaths[index].replace(from, to);
    }
  }));
  makeEncrypted();
  const nanan = readFileSync(join(DOC, 'nanan-2022.doc'));
  writeFileSync(join(FIXTURES, 'truncated.doc'), nanan.subarray(0, Math.floor(nanan.length * 0.4)));
  const wrong = Buffer.from(nanan);
  wrong.write('WORDDOC!', 0, 'latin1');
  writeFileSync(join(FIXTURES, 'wrong-magic.doc'), wrong);
  const workbook = CFB.utils.cfb_new();
  CFB.utils.cfb_add(workbook, '/Workbook', Buffer.alloc(4096, 0x09));
  writeFileSync(join(FIXTURES, 'workbook.doc'), Buffer.from(CFB.write(workbook, { type: 'buffer' })));
}

/** The .docx of hidden text and one of a tracked deletion, as .docs. */
async function convertHiddenText(force) {
  if (!force && ['hidden-text', 'tracked-deletion', 'nested-table'].every((name) => existsSync(join(FIXTURES, `${name}.doc`)))) return;
  const work = mkdtempSync(join(tmpdir(), 'renditions-doc-'));
  const revision = { author: '审稿人', date: '2024-01-01T00:00:00Z' };
  const tracked = new Document({ sections: [{ children: [
    new Paragraph({ children: [new TextRun('示例县义务教育优质均衡发展实施方案')] }),
    new Paragraph({ children: [
      new TextRun('到2025年，社会认可度（满意度调查）达到'),
      new DeletedTextRun({ text: '10%', id: 1, ...revision }),
      new InsertedTextRun({ text: '95%', id: 2, ...revision }),
      new TextRun('以上。'),
    ] }),
  ] }] });
  writeFileSync(join(work, 'tracked-deletion.docx'), await Packer.toBuffer(tracked));
  const cell = (text) => new TableCell({ children: [new Paragraph(text)] });
  const inner = new Table({ rows: [new TableRow({ children: [cell('小学'), cell('≥0.9')] }), new TableRow({ children: [cell('初中'), cell('≥0.9')] })] });
  const nested = new Document({ sections: [{ children: [
    new Paragraph('示例县义务教育优质均衡发展任务分工表'),
    new Table({ rows: [
      new TableRow({ children: [cell('工作任务'), cell('责任单位')] }),
      new TableRow({ children: [new TableCell({ children: [new Paragraph('到2025年，每百名学生拥有体育、艺术专任教师数达到以下标准：'), inner, new Paragraph('')] }), cell('县教育局、县人社局')] }),
      new TableRow({ children: [cell('到2025年，残疾儿童少年入学率达到95%以上。'), cell('县教育局、县残联')] }),
    ] }),
  ] }] });
  writeFileSync(join(work, 'nested-table.docx'), await Packer.toBuffer(nested));
  try {
    execFileSync('soffice', [
      `-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore',
      '--convert-to', 'doc:MS Word 97', '--outdir', FIXTURES, join(ROOT, 'test/fixtures/hostile/hidden-text.docx'), join(work, 'tracked-deletion.docx'), join(work, 'nested-table.docx'),
    ], { stdio: ['ignore', 'inherit', 'inherit'] });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

convert(process.argv.includes('--force'));
convert(process.argv.includes('--force'), EXTRA_DOCX, EXTRA_DOC);
makeFixtures();
await convertHiddenText(process.argv.includes('--force'));
for (const file of [...readdirSync(DOC).map((f) => join('corpus/doc', f)), ...readdirSync(FIXTURES).map((f) => join('test/fixtures/doc', f))]) {
  console.log(file);
}
