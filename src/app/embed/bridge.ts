/**
 * The embedded map's end of the postMessage API (protocol.ts). Commands are taken only from the parent
 * window and only from the configured host origins; notices are posted only to those origins, so a
 * page that frames the map without being listed can neither drive it nor listen to it. The one
 * exception is `heightChanged`: it carries a number only and goes to whichever page frames the map,
 * so the responsive snippet (snippet.ts) can size the iframe without a `host=` setting.
 */
import { envelope, parseCommand, type EmbedCommand, type EmbedNotice, type EmbedState } from './protocol';

/** What the bridge can do to the app; each setter returns an error sentence, or null when done. */
export interface EmbedTarget {
  state(): EmbedState;
  setTimeWindow(start: string, end: string, mode?: EmbedState['window']['mode']): string | null;
  selectEvent(id: string | null): string | null;
  setLayers(types?: EmbedState['types'], layers?: string[]): string | null;
}

export class EmbedBridge {
  /** Messages refused because of their origin or source (kept for diagnostics and tests). */
  ignored = 0;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);
  private resizeObserver: ResizeObserver | null = null;
  private lastHeight = 0;

  /**
   * @param measureHeight - the height (CSS px) the embed would like; re-measured whenever the document
   *   or one of the `watched` elements resizes, and reported to the parent as `heightChanged` when it changes
   * @param watched - elements whose size changes the height the embed would like (its controls)
   */
  constructor(
    private readonly target: EmbedTarget,
    readonly origins: readonly string[],
    private readonly win: Window = window,
    private readonly measureHeight: () => number = () => win.document.documentElement.scrollHeight,
    private readonly watched: () => Element[] = () => [],
  ) {}

  /** True when the page is inside a frame with someone to talk to. */
  get framed(): boolean {
    return this.win.parent !== this.win && this.origins.length > 0;
  }

  start(): void {
    this.win.addEventListener('message', this.onMessage);
    const root = this.win.document.documentElement;
    this.resizeObserver = new ResizeObserver(() => this.reportHeight(Math.ceil(this.measureHeight())));
    this.resizeObserver.observe(root);
    for (const element of this.watched()) this.resizeObserver.observe(element);
  }

  stop(): void {
    this.win.removeEventListener('message', this.onMessage);
    this.resizeObserver?.disconnect();
  }

  /**
   * The configured origins the parent can have. Where the browser tells the parent's origin
   * (`location.ancestorOrigins`, Chromium and WebKit) only a matching one; elsewhere all of them —
   * the browser then drops the messages whose target origin is not the parent's.
   */
  private targets(): readonly string[] {
    const parent = this.win.location.ancestorOrigins?.[0];
    return parent === undefined ? this.origins : this.origins.filter((origin) => origin === parent);
  }

  /** Posts a notice to the host, if the host is one of the configured origins. */
  notify(notice: EmbedNotice): void {
    if (!this.framed) return;
    const message = envelope(notice);
    for (const origin of this.targets()) this.win.parent.postMessage(message, origin);
  }

  /** To any framing page (`'*'`): a height says nothing about the view, and the host script needs it. */
  private reportHeight(height: number) {
    if (height === this.lastHeight || this.win.parent === this.win) return;
    this.lastHeight = height;
    this.win.parent.postMessage(envelope({ event: 'heightChanged', height }), '*');
  }

  private receive(event: MessageEvent) {
    if (event.source !== this.win.parent || !this.origins.includes(event.origin)) {
      if (event.source !== this.win) this.ignored++;
      return;
    }
    const parsed = parseCommand(event.data);
    if (!parsed) return;
    const reply = (message: EmbedNotice) => (event.source as Window).postMessage(envelope(message), event.origin);
    if (!parsed.ok) {
      reply({ event: 'response', requestId: parsed.requestId, ok: false, error: parsed.error });
      return;
    }
    const error = this.apply(parsed.command);
    const requestId = parsed.command.requestId ?? null;
    reply(error ? { event: 'response', requestId, ok: false, error } : { event: 'response', requestId, ok: true, state: this.target.state() });
  }

  private apply(command: EmbedCommand): string | null {
    switch (command.command) {
      case 'setTimeWindow':
        return this.target.setTimeWindow(command.start, command.end, command.mode);
      case 'selectEvent':
        return this.target.selectEvent(command.id);
      case 'setLayers':
        return this.target.setLayers(command.types, command.layers);
      case 'getState':
        return null;
    }
  }
}
