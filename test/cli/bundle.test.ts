/**
 * `--bundle`: a plan and its annex files in one folder read as one document. The fixture is
 * nanchuan-2021 with its 附件2 (目标任务分解) cut from the text and given instead as the workbook
 * test/fixtures/sheets/nanchuan-annex2.xlsx, the way counties publish a plan with a spreadsheet annex.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupBundles } from '../../cli/bundles.ts';
import { processBundle, processDocument, type DocumentModel } from '../../pipeline/process-document.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');
const ANNEX = '附件2 目标任务分解.xlsx';

const fullText = readFileSync(join(root, 'corpus/nanchuan-2021.txt'), 'utf8');
const planText = fullText.slice(0, fullText.indexOf('\n 附件2') + 1);
const annexBytes = new Uint8Array(readFileSync(join(root, 'test/fixtures/sheets/nanchuan-annex2.xlsx')));

const modelOf = async (outcome: Awaited<ReturnType<typeof processDocument>>): Promise<DocumentModel> => {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.model;
};
const fact = ({ task, departments, indicator }: DocumentModel['responsibilities'][number]) => JSON.stringify({ task, departments, indicator });

describe('a plan bundled with its annex', () => {
  let plan: DocumentModel;
  let annex: DocumentModel;
  let bundle: DocumentModel;
  beforeAll(async () => {
    plan = await modelOf(await processDocument(new TextEncoder().encode(planText), 'nanchuan-2021.txt'));
    annex = await modelOf(await processDocument(annexBytes, ANNEX));
    bundle = await modelOf(await processBundle({ data: new TextEncoder().encode(planText), name: 'nanchuan-2021.txt' }, [{ data: annexBytes, name: ANNEX }]));
  });

  it('should hold the plan’s items and the annex’s, the annex’s located in its file', () => {
    expect(annex.responsibilities.length).toBeGreaterThan(20);
    expect(bundle.responsibilities.length).toBe(plan.responsibilities.length + annex.responsibilities.length);
    const fromAnnex = bundle.responsibilities.filter((item) => item.location.file === ANNEX);
    expect(fromAnnex.map(fact).sort()).toEqual(annex.responsibilities.map(fact).sort());
    expect(bundle.responsibilities.filter((item) => item.location.file === undefined).map(fact).sort()).toEqual(plan.responsibilities.map(fact).sort());
    expect(fromAnnex.every((item) => typeof item.location.line === 'number')).toBe(true);
    expect(bundle.targets.filter((item) => item.location.file === ANNEX).length).toBe(annex.targets.length);
  });

  it('should read the annex under its own 附件 section and keep the plan’s title', () => {
    const annexTarget = bundle.targets.find((item) => item.location.file === ANNEX)!;
    expect(annexTarget.sectionPath?.[0]).toMatch(/^附件2/);
    expect(bundle.metadata.title).toBe(plan.metadata.title);
    expect(bundle.document).toBe('nanchuan-2021.txt');
  });

  it('should keep the plan when an annex cannot be read, and say which and why', async () => {
    const broken = await modelOf(await processBundle({ data: new TextEncoder().encode(planText), name: 'nanchuan-2021.txt' }, [{ data: annexBytes.subarray(0, 200), name: '附件3.xlsx' }]));
    expect(broken.responsibilities.length).toBe(plan.responsibilities.length);
    expect(broken.messages.map((message) => message.reason).join('\n')).toMatch(/annex not read: 附件3\.xlsx: /);
  });
});

describe('grouping a folder into bundles', () => {
  it.each([
    ['one plan and its annexes, in the order of their names (numbers as numbers)', ['/a/plan.docx', '/a/附件10.xlsx', '/a/附件2 分工.doc', '/a/附表1.csv'], [['/a/plan.docx', ['/a/附表1.csv', '/a/附件2 分工.doc', '/a/附件10.xlsx']]]],
    ['two plans: nothing bundled', ['/a/p1.txt', '/a/p2.txt', '/a/附件1.xlsx'], [['/a/p1.txt', null], ['/a/p2.txt', null], ['/a/附件1.xlsx', null]]],
    ['annexes only: nothing bundled', ['/a/附件1.txt', '/a/b.csv'], [['/a/附件1.txt', null], ['/a/b.csv', null]]],
    ['folders apart', ['/a/p.txt', '/b/附件1.xlsx'], [['/a/p.txt', null], ['/b/附件1.xlsx', null]]],
  ] as const)('%s', (_, paths, expected) => {
    const grouped = groupBundles(paths.map((path) => ({ path })));
    expect(grouped.map((input) => [input.path, input.annexes ?? null])).toEqual(expected);
  });

  it('should never bundle an input that failed while collecting', () => {
    const grouped = groupBundles([{ path: '/a/p.txt' }, { path: '/a/附件1.xlsx', error: 'no such file' }]);
    expect(grouped).toEqual([{ path: '/a/p.txt' }, { path: '/a/附件1.xlsx', error: 'no such file' }]);
  });
});

describe('plancheck --bundle', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'plancheck-bundle-'));
    mkdirSync(join(work, 'nanchuan'), { recursive: true });
    writeFileSync(join(work, 'nanchuan/nanchuan-2021.txt'), planText);
    cpSync(join(root, 'test/fixtures/sheets/nanchuan-annex2.xlsx'), join(work, 'nanchuan', ANNEX));
  });

  it('should read the folder as two documents without --bundle, and as one with it', async () => {
    await run('node', [bin, 'nanchuan', '--out', 'apart', '--no-reports'], { cwd: work });
    const apart = JSON.parse(readFileSync(join(work, 'apart/summary.json'), 'utf8'));
    expect(apart.documents.map((entry: { input: string }) => entry.input).sort()).toEqual([`nanchuan/${ANNEX}`, 'nanchuan/nanchuan-2021.txt'].sort());

    await run('node', [bin, 'nanchuan', '--bundle', '--out', 'together'], { cwd: work });
    const together = JSON.parse(readFileSync(join(work, 'together/summary.json'), 'utf8'));
    expect(together.documents).toHaveLength(1);
    expect(together.documents[0]).toMatchObject({ input: 'nanchuan/nanchuan-2021.txt', status: 'ok', annexes: [ANNEX] });
    const model = JSON.parse(readFileSync(join(work, 'together', together.documents[0].output), 'utf8')) as DocumentModel;
    expect(model.responsibilities.some((item) => item.location.file === ANNEX)).toBe(true);
    // The report names the annex where it quotes it.
    const report = readFileSync(join(work, 'together', together.documents[0].output.replace(/\.json$/, ''), 'responsibilities.html'), 'utf8');
    expect(report).toContain(`附件《${ANNEX}》`);
  });
});
