/**
 * Base64 payloads are the bulk of a GIAMDINHHS envelope. The splitter takes them out of the text
 * stream before saxes sees it (saxes then reads `<NOIDUNGFILE></NOIDUNGFILE>`), which makes the
 * envelope pass about ten times faster. Anything that is not a plain payload (inline XML, entity
 * references, CDATA, an element with attributes) is passed through unchanged. A payload cannot hide
 * markup: it is cut out only when it contains neither '<' nor '&'.
 */
const OPEN = '<NOIDUNGFILE>';
const CLOSE = '</NOIDUNGFILE>';

export interface SplitterSink {
  /** Text for the XML parser, in order. */
  markup(text: string): void;
  /** A plain payload, delivered just before the `</NOIDUNGFILE>` markup that closes it. */
  payload(text: string): void;
  /** A payload grows beyond the limit without being closed. */
  tooLarge(size: number): void;
}

export class PayloadSplitter {
  private pending = '';
  private inPayload = false;
  private stopped = false;

  constructor(
    private readonly sink: SplitterSink,
    private readonly maxPayloadChars: number,
  ) {}

  push(piece: string): void {
    this.pending = this.pending === '' ? piece : this.pending + piece;
    this.split(false);
  }

  /** Flushes what is left at the end of the input. */
  finish(): void {
    this.split(true);
  }

  /** Stops all output (after a fatal error). */
  stop(): void {
    this.stopped = true;
    this.pending = '';
  }

  private split(final: boolean): void {
    while (!this.stopped) {
      const pending = this.pending;
      if (this.inPayload) {
        const end = pending.indexOf(CLOSE);
        if (end === -1) {
          if (pending.includes('<') || pending.includes('&') || final) {
            this.inPayload = false;
            this.pending = '';
            this.sink.markup(pending);
          } else if (pending.length > this.maxPayloadChars) {
            this.sink.tooLarge(pending.length);
          }
          return;
        }
        const payload = pending.slice(0, end);
        if (payload.includes('<') || payload.includes('&')) this.sink.markup(payload);
        else this.sink.payload(payload);
        this.sink.markup(CLOSE);
        this.pending = pending.slice(end + CLOSE.length);
        this.inPayload = false;
      } else {
        const start = pending.indexOf(OPEN);
        if (start === -1) {
          const keep = final ? 0 : Math.min(pending.length, OPEN.length - 1);
          this.sink.markup(pending.slice(0, pending.length - keep));
          this.pending = pending.slice(pending.length - keep);
          return;
        }
        this.sink.markup(pending.slice(0, start + OPEN.length));
        this.pending = pending.slice(start + OPEN.length);
        this.inPayload = true;
      }
    }
  }
}
