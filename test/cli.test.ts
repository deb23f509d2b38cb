import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');

async function plancheck(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { cwd, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('plancheck CLI', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'plancheck-cli-'));
    mkdirSync(join(work, 'in/sub'), { recursive: true });
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'in/jiaoling-2022.txt'));
    cpSync(join(root, 'corpus/docx/jiaoling-2022.docx'), join(work, 'in/sub/jiaoling-2022.docx'));
    writeFileSync(join(work, 'in/empty.txt'), '');
    writeFileSync(join(work, 'in/notes.txt.bak'), 'ignored by the folder walk');
    writeFileSync(join(work, 'in/random.docx'), Buffer.from('this is not a zip file at all'));
  });

  it('should print the help and exit 0', async () => {
    const result = await plancheck(['--help'], work);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^用法：plancheck/);
    expect(result.stdout).toContain('--allow-looser');
    const english = await plancheck(['--help', '--lang', 'en'], work);
    expect(english.stdout).toMatch(/^Usage: plancheck/);
  });

  it('should exit 2 on a usage error', async () => {
    expect((await plancheck([], work)).code).toBe(2);
    expect((await plancheck(['--bogus', 'in'], work)).code).toBe(2);
  });

  it.each([['pdfjs'], ['pdfium']])('should read a PDF through --pdf-engine %s and record the engine in summary.json and the model', async (engine) => {
    mkdirSync(join(work, `pdf-${engine}`), { recursive: true });
    cpSync(join(root, 'test/fixtures/pdf/plan.pdf'), join(work, `pdf-${engine}/plan.pdf`));
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, `pdf-${engine}/jiaoling-2022.txt`));
    const result = await plancheck([`pdf-${engine}`, '--out', `out-${engine}`, '--no-reports', '--pdf-engine', engine], work);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(work, `out-${engine}/summary.json`), 'utf8'));
    expect(summary.run.pdfEngine).toBe(engine);
    expect(JSON.parse(readFileSync(join(work, `out-${engine}/plan.json`), 'utf8'))).toMatchObject({ format: 'pdf', pdfEngine: engine, pages: 3 });
    expect(JSON.parse(readFileSync(join(work, `out-${engine}/jiaoling-2022.json`), 'utf8'))).toMatchObject({ format: 'txt', pdfEngine: null });
  });

  it('should exit 2 on an unknown --pdf-engine, naming the engines', async () => {
    const result = await plancheck(['in', '--pdf-engine', 'mupdf', '--lang', 'en'], work);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--pdf-engine takes pdfjs or pdfium (got mupdf)');
  });

  it('should read a folder, keep going past bad files, write models and a summary, and exit 1', async () => {
    const result = await plancheck(['in', '--out', 'out'], work);
    expect(result.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(work, 'out/summary.json'), 'utf8'));
    const byInput = Object.fromEntries(summary.documents.map((d: { input: string }) => [d.input, d]));
    expect(Object.keys(byInput).sort()).toEqual(['in/empty.txt', 'in/jiaoling-2022.txt', 'in/random.docx', 'in/sub/jiaoling-2022.docx']);
    expect(byInput['in/empty.txt']).toMatchObject({ status: 'failed', reason: 'empty file' });
    expect(byInput['in/random.docx']).toMatchObject({ status: 'failed', reason: 'not a .docx: not a zip archive' });
    expect(byInput['in/jiaoling-2022.txt']).toMatchObject({ status: 'ok', output: 'jiaoling-2022.json' });
    expect(byInput['in/sub/jiaoling-2022.docx']).toMatchObject({ status: 'ok', output: 'sub/jiaoling-2022.json' });
    const model = JSON.parse(readFileSync(join(work, 'out/jiaoling-2022.json'), 'utf8'));
    expect(model.document).toBe('jiaoling-2022.txt');
    expect(model.metadata.docNumber).toBe('蕉府办〔2022〕1号');
    expect(model.tree.type).toBe('root');
    expect(Array.isArray(model.targets)).toBe(true);
    expect(result.stderr).toContain('失败 in/empty.txt: 空文件');
    expect(result.stdout).toContain('plancheck：共 4 个文件，完成 2 个，失败 2 个');
    expect(result.stdout).toMatch(/完成 +in\/jiaoling-2022\.txt +目标 \d+，时间节点 \d+，责任分工 \d+/);
    expect(result.stdout).toMatch(/失败 +in\/random\.docx: 不是 \.docx：不是 zip 压缩包/);
    // The index lists the failed files with their reasons, in Chinese.
    const index = readFileSync(join(work, 'out/index.html'), 'utf8');
    const failed = index.slice(index.indexOf('<section id="failed">'));
    expect(failed).toContain('<th scope="row">in/empty.txt</th><td>空文件</td>');
    expect(failed).toContain('<th scope="row">in/random.docx</th><td>不是 .docx：不是 zip 压缩包</td>');
    const english = await plancheck(['in', '--out', 'out-en', '--lang', 'en'], work);
    expect(english.stdout).toContain('plancheck: 4 inputs, 2 ok, 2 failed');
    expect(english.stderr).toContain('failed in/empty.txt: empty file');
  });

  it('should refuse an overlay looser than the national standard (exit 2) unless --allow-looser, then mark every report', async () => {
    const overlay = join(root, 'test/fixtures/standards/overlay-g14-40-looser.json');
    const refused = await plancheck(['in/jiaoling-2022.txt', '--out', 'out-looser', '--standard', overlay], work);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/标准无效.*宽于国家标准.*G14 全部学段: ≥ 50 → ≥ 40.*--allow-looser/);
    const accepted = await plancheck(['in/jiaoling-2022.txt', '--out', 'out-looser', '--standard', overlay, '--allow-looser'], work);
    expect(accepted.code).toBe(0);
    for (const file of ['index.html', 'jiaoling-2022/report.html', 'jiaoling-2022/responsibilities.html', 'jiaoling-2022/checklists.html', 'jiaoling-2022/report.md']) {
      expect(readFileSync(join(work, 'out-looser', file), 'utf8'), file).toContain('所用地方标准宽于国家标准');
    }
  });

  it('should print the model’s JSON Schema, the one shipped in schema/plan.schema.json', async () => {
    const result = await plancheck(['schema'], work);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(join(root, 'schema/plan.schema.json'), 'utf8')));
  });

  it('should exit 0 when every input is read, and accept globs', async () => {
    const result = await plancheck(['in/*.txt', '--out', 'out-glob'], work);
    // in/empty.txt matches too and fails.
    expect(result.code).toBe(1);
    const ok = await plancheck(['in/jiaoling-*.txt', '-o', 'out-ok'], work);
    expect(ok.code).toBe(0);
    expect(existsSync(join(work, 'out-ok/jiaoling-2022.json'))).toBe(true);
  });

  it('should report a missing input as failed rather than lose it', async () => {
    const result = await plancheck(['in/jiaoling-2022.txt', 'missing.pdf', '--out', 'out-missing'], work);
    expect(result.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(work, 'out-missing/summary.json'), 'utf8'));
    expect(summary.documents.map((d: { status: string }) => d.status)).toEqual(['ok', 'failed']);
    expect(summary.documents[1].reason).toBe('no such file or folder');
  });
});
