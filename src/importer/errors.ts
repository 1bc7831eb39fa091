/**
 * The one error the importer throws for bad input or a refused write. Its message is a full
 * sentence naming the file, line or field and the fix; the CLI prints it as is and exits 1.
 */
export class ImportError extends Error {
  /** The file the problem is in (a transcript or an output file), when there is one. */
  readonly file: string | undefined;
  /** The 1-based transcript line, when the problem has one. */
  readonly line: number | undefined;
  /** The option or field at fault, such as `--date`. */
  readonly field: string | undefined;

  constructor(message: string, where: { file?: string; line?: number; field?: string } = {}) {
    super(message);
    this.name = 'ImportError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}
