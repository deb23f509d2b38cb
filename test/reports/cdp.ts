/**
 * Test helper: a headless Chromium driven over the DevTools protocol through
 * a pipe (`--remote-debugging-pipe`: commands on fd 3, answers on fd 4, each
 * message JSON ended by NUL), so a test can click, read the page and print it
 * without any browser-automation package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

interface Pending {
  resolve: (value: any) => void;
  reject: (error: Error) => void;
}

/** One browser, one page. */
export class Browser {
  readonly #process: ChildProcess;
  readonly #input: Writable;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners: Array<{ method: string; resolve: (params: any) => void }> = [];
  #next = 1;
  #buffer = '';
  #session = '';

  private constructor(executable: string, profile: string) {
    this.#process = spawn(executable, [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`,
      '--remote-debugging-pipe', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    this.#input = this.#process.stdio[3] as Writable;
    (this.#process.stdio[4] as Readable).on('data', (chunk: Buffer) => this.#receive(chunk.toString('utf8')));
  }

  /**
   * Start Chromium with one page of the given size.
   *
   * @param executable
   *   The chromium binary.
   * @param profile
   *   A fresh profile folder.
   * @param width
   *   Viewport width.
   * @param height
   *   Viewport height.
   */
  static async launch(executable: string, profile: string, width = 1200, height = 1600): Promise<Browser> {
    const browser = new Browser(executable, profile);
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' }, '');
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true }, '');
    browser.#session = sessionId;
    await browser.send('Page.enable');
    await browser.send('Runtime.enable');
    await browser.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    return browser;
  }

  #receive(text: string): void {
    this.#buffer += text;
    let end: number;
    while ((end = this.#buffer.indexOf('\0')) !== -1) {
      const message = JSON.parse(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 1);
      if (message.id !== undefined) {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.error) pending?.reject(new Error(`${message.error.message}`));
        else pending?.resolve(message.result);
      } else if (message.method) {
        for (const listener of [...this.#listeners]) {
          if (listener.method !== message.method) continue;
          this.#listeners.splice(this.#listeners.indexOf(listener), 1);
          listener.resolve(message.params);
        }
      }
    }
  }

  /** Send a command (to the page's session unless `sessionId` is given). */
  send(method: string, params: object = {}, sessionId: string = this.#session): Promise<any> {
    const id = this.#next++;
    const promise = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    this.#input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return promise;
  }

  /** Wait for the next event of a kind. */
  once(method: string, timeoutMs = 30_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms`)), timeoutMs);
      this.#listeners.push({ method, resolve: (params) => { clearTimeout(timer); resolve(params); } });
    });
  }

  /** Open a URL and wait for its load event. */
  async open(url: string): Promise<void> {
    const loaded = this.once('Page.loadEventFired');
    await this.send('Page.navigate', { url });
    await loaded;
  }

  /** Evaluate an expression in the page and return its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  /** Run an expression that follows a link (a click), and wait for the new page to load. */
  async follow(expression: string): Promise<void> {
    const loaded = this.once('Page.loadEventFired');
    await this.evaluate(expression);
    await loaded;
  }

  /** A PNG of the viewport (or the full page). */
  async screenshot(fullPage = false): Promise<Buffer> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: fullPage });
    return Buffer.from(data, 'base64');
  }

  /** The page printed to PDF with its own @page rules. */
  async printToPdf(): Promise<Buffer> {
    const { data } = await this.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true });
    return Buffer.from(data, 'base64');
  }

  /** Close the browser. */
  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#process.once('exit', resolve));
    this.send('Browser.close', {}, '').catch(() => undefined);
    const timer = setTimeout(() => this.#process.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
