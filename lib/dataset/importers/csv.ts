/**
 * A small RFC 4180 CSV reader for the importers: quoted fields, doubled quotes, CRLF or LF,
 * a header row. Rows come back as objects keyed by the header, each with its 1-based row
 * number (the header is row 1), so an importer can name the row of a bad record.
 */

export interface CsvRow {
  /** 1-based line of the row in the file, counting the header as row 1. */
  row: number;
  values: Record<string, string>;
}

/** An error about one row of one source file: "<file>: row <n>: <message>". */
export class ImportError extends Error {
  constructor(
    public readonly file: string,
    public readonly row: number | undefined,
    message: string,
  ) {
    super(`${file}${row === undefined ? '' : `: row ${row}`}: ${message}`);
    this.name = 'ImportError';
  }
}

/** Splits CSV text into records of raw fields. Throws on an unterminated quote. */
function tokenize(text: string, file: string, delimiter: string): { fields: string[]; row: number }[] {
  const out: { fields: string[]; row: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // BOM
  const endRecord = () => {
    fields.push(field);
    field = '';
    // Skip blank lines (a record with a single empty field).
    if (!(fields.length === 1 && fields[0] === '')) out.push({ fields, row: recordLine });
    fields = [];
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field.trim() !== '') throw new ImportError(file, recordLine, 'stray quote inside an unquoted field');
      field = '';
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\r') {
      // handled with the following \n (or alone, as an old Mac line end)
      if (text[i + 1] !== '\n') {
        endRecord();
        line++;
        recordLine = line;
      }
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) throw new ImportError(file, recordLine, 'unterminated quoted field');
  if (field !== '' || fields.length) endRecord();
  return out;
}

/**
 * Parses CSV with a header row. Every row must have as many fields as the header (a row with
 * fewer or more fields is malformed and throws, naming file and row). `required` columns must
 * be present in the header. `delimiter` is the field separator (`;` in some European exports).
 */
export function parseCsv(
  text: string,
  file: string,
  required: readonly string[] = [],
  delimiter: string = ',',
): CsvRow[] {
  const records = tokenize(text, file, delimiter);
  const header = records.shift();
  if (!header) throw new ImportError(file, undefined, 'empty file (no header row)');
  const names = header.fields.map((h) => h.trim());
  for (const r of required)
    if (!names.includes(r)) throw new ImportError(file, 1, `missing column "${r}" (header: ${names.join(', ')})`);
  return records.map(({ fields, row }) => {
    if (fields.length !== names.length)
      throw new ImportError(file, row, `expected ${names.length} fields, found ${fields.length}`);
    const values: Record<string, string> = {};
    names.forEach((n, k) => (values[n] = fields[k]!.trim()));
    return { row, values };
  });
}

/** Writes rows of fields as CSV (quoting only where needed), for trimmed copies of sources. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
