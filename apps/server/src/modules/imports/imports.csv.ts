/**
 * CSV as RFC 4180 describes it, and as Excel in the region writes it: UTF-8 with or without a byte
 * order mark, UTF-16 ("Unicode text"), or Windows-1251 (Russian Excel's "CSV" without "UTF-8");
 * fields separated by commas, semicolons (Russian Excel, where the comma is the decimal mark) or
 * tabs, whichever the header line uses. Pure functions over a buffer.
 */

export class CsvError extends Error {
  constructor(readonly reason: 'binary' | 'unterminated-quote' | 'stray-quote' | 'too-many-rows' | 'too-many-columns', readonly record?: number) {
    super(record ? `${reason} (row ${record})` : reason);
  }
}

/** The text of a CSV file, its encoding worked out from the byte order mark or the bytes themselves. */
export function decodeCsv(bytes: Buffer): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: Russian-language Excel saves "CSV" in Windows-1251.
      text = new TextDecoder('windows-1251').decode(bytes);
    }
  }
  // A NUL never appears in text: this is a binary file (an old .xls, a PDF, an image).
  if (text.includes('\u0000')) throw new CsvError('binary');
  return text;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the first record uses most, outside quotes (a comma when there is none). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export interface CsvRecord {
  /** 1-based record number: the row number a spreadsheet program shows for it. */
  record: number;
  cells: string[];
}

/**
 * Splits CSV text into records. Quoted fields may hold delimiters, doubled quotes and line breaks;
 * an unclosed quote or text after a closing quote is refused (the file is not what it seems),
 * while a quote inside an unquoted field is kept as a character, as Excel does. Records whose
 * cells are all empty are left out, but still counted in the row numbers.
 */
export function parseCsv(text: string, limits: { maxRecords: number; maxColumns: number }, delimiter = detectDelimiter(text)): CsvRecord[] {
  const out: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let record = 1;
  let cells: string[] = [];

  const endRecord = () => {
    if (cells.some((c) => c !== '')) {
      if (out.length >= limits.maxRecords) throw new CsvError('too-many-rows', record);
      out.push({ record, cells });
    }
    cells = [];
    record++;
  };

  while (i < n) {
    let value: string;
    if (text[i] === '"') {
      let parts = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new CsvError('unterminated-quote', record);
        parts += text.slice(from, q);
        if (text[q + 1] === '"') {
          parts += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      value = parts;
      const next = text[i];
      if (i < n && next !== delimiter && next !== '\n' && next !== '\r') throw new CsvError('stray-quote', record);
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      value = text.slice(i, j);
      i = j;
    }
    cells.push(value);
    if (cells.length > limits.maxColumns) throw new CsvError('too-many-columns', record);

    if (i >= n) {
      endRecord();
      break;
    }
    const ch = text[i];
    if (ch === delimiter) {
      i++;
      // A delimiter at the very end still opens one more (empty) field.
      if (i >= n) {
        cells.push('');
        endRecord();
      }
      continue;
    }
    // A line break: \r\n, \n or a lone \r.
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRecord();
  }
  return out;
}
