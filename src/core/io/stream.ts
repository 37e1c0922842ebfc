/**
 * Streaming CSV parse over any async source of text: a browser `File` through `TextDecoderStream` in the
 * import worker, a Node file stream in the benchmark — the same code in both.
 *
 * Why not `Papa.parse(file)`: papaparse's FileStreamer decodes each byte slice on its own, so a UTF-8
 * character split across a chunk boundary turns into two U+FFFD. Decoding with one streaming
 * TextDecoder first and handing papaparse text keeps every character intact.
 */
import Papa from 'papaparse';

/** Papaparse settings shared by every CSV read, streamed or not. */
export const CSV_PARSE_CONFIG = { skipEmptyLines: 'greedy', header: false } as const;

export interface CsvStreamOptions {
  /** Text handed to papaparse at a time; pieces of the source are joined up to this size. */
  chunkChars?: number;
  /** Size of the first chunk, smaller so the first rows arrive (and can be drawn) early. */
  firstChunkChars?: number;
  /** Stops reading; rows already delivered stay delivered. */
  signal?: AbortSignal;
}

type Listener = (chunk?: string) => void;

/**
 * Papaparse's result for one chunk, with `raw`: the text those records were read from (from the end of
 * the previous chunk's records to the end of these, blank lines included). The table reader re-reads it
 * line by line when a quote left open makes papaparse fold rows into one record.
 */
export type CsvChunk = Papa.ParseResult<string[]> & { raw: string };

/**
 * Parses CSV text arriving in pieces and calls `onChunk` with papaparse's result for each chunk
 * (complete records only; a record split across pieces is delivered whole with the next chunk).
 * A UTF-8 byte order mark at the start is dropped.
 * @param source - pieces of text in order (e.g. `file.stream().pipeThrough(new TextDecoderStream())`)
 * @param onChunk - receives records, papaparse errors (row indices into `data`), the delimiter and line
 *   break, and the raw text of the records
 * @returns when the whole source is parsed, or reading was aborted
 * @example await streamCsv(fs.createReadStream(path, 'utf8'), (chunk) => reader.push(chunk))
 */
export function streamCsv(
  source: AsyncIterable<string>,
  onChunk: (chunk: CsvChunk) => void,
  options: CsvStreamOptions = {},
): Promise<void> {
  const chunkChars = options.chunkChars ?? 1 << 20;
  let threshold = options.firstChunkChars ?? chunkChars;
  return new Promise<void>((resolve, reject) => {
    const listeners = new Map<string, Listener>();
    // The minimal Node-stream surface papaparse's ReadableStreamStreamer drives.
    const adapter = {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      removeListener: (name: string) => listeners.delete(name),
      pause: () => {},
      resume: () => {},
    };
    let aborted = false;
    // Text handed to papaparse whose records have not been delivered yet, and where it starts in the
    // whole text (papaparse's cursor counts from the start of the whole text).
    let unread = '';
    let unreadStart = 0;
    const Streamer = (Papa as unknown as { ReadableStreamStreamer: new (config: object) => { stream(input: unknown): void } })
      .ReadableStreamStreamer;
    const streamer = new Streamer({
      ...CSV_PARSE_CONFIG,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (options.signal?.aborted) {
          aborted = true;
          parser.abort();
          resolve();
          return;
        }
        const length = results.meta.cursor - unreadStart;
        const raw = unread.slice(0, length);
        unread = unread.slice(length);
        unreadStart = results.meta.cursor;
        onChunk(Object.assign(results, { raw }));
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
    streamer.stream(adapter);
    (async () => {
      let buffer = '';
      let atStart = true;
      let firstChunk = true;
      let lineEndSeen = false;
      for await (const piece of source) {
        if (aborted || options.signal?.aborted) break;
        buffer += piece;
        if (atStart && buffer.length > 0) {
          if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
          atStart = false;
        }
        // Papaparse guesses the line ending from the first chunk: it must hold one (and the character
        // after a '\r', to tell '\r\n' from '\r'), or a CRLF file smaller chunks cut inside its header
        // is read with '\n', leaving '\r' at the end of every last cell.
        // (Only the new piece and the character before it are looked at: a long first line stays linear.)
        // Nor may it end with a '\r' whose '\n' is still to come: papaparse counts that '\r' as one more
        // line ending without '\n' and may guess '\r' for a CRLF file ("\nr0" in every first cell).
        lineEndSeen ||= /[\r\n][^]/.test(buffer.slice(Math.max(0, buffer.length - piece.length - 1)));
        if (buffer.length >= threshold && (!firstChunk || (lineEndSeen && !buffer.endsWith('\r')))) {
          unread += buffer;
          listeners.get('data')?.(buffer);
          buffer = '';
          firstChunk = false;
          threshold = chunkChars;
        }
      }
      if (aborted) return;
      if (options.signal?.aborted) {
        resolve();
        return;
      }
      if (buffer) {
        unread += buffer;
        listeners.get('data')?.(buffer);
      }
      listeners.get('end')?.();
    })().catch(reject);
  });
}
