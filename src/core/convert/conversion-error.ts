/**
 * Why a file could not be turned into a report body. The UI words each code in the user's
 * language (src/features/i18n); `message` is the English wording the pipeline prints.
 */
export type ConversionProblem =
  | { code: 'empty' }
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'too-long'; chars: number; limit: number }
  | { code: 'scanned-pdf'; pages: number }
  | { code: 'encrypted'; format: 'PDF' | 'DOCX' | 'ZIP' }
  | { code: 'broken'; format: 'PDF' | 'DOCX' | 'HTML' | 'ZIP'; damage: Damage; detail: string }
  | { code: 'too-many-pages'; pages: number; limit: number }
  | { code: 'zip-bomb'; declaredBytes: number; limit: number }
  /** The sizes declared were small, but inflating passed the limit (a crafted bomb): counted, never kept. */
  | { code: 'zip-overflow'; declaredBytes: number; limit: number }
  | { code: 'legacy-format'; format: 'DOC' | 'WPS' | 'OFD' | 'XLS' | 'XLSX' }
  | { code: 'not-a-report'; kind: string }
  | { code: 'undecodable'; encoding: string }
  | { code: 'no-text'; format: 'PDF' | 'DOCX' | 'HTML' | 'TXT' };

/**
 * What is wrong with a damaged file, in words the UI can give in any language; `detail` is the
 * reading library's own (English) message, kept for the pipeline's log and the English UI.
 */
export type Damage = 'truncated' | 'no-header' | 'not-zip' | 'unreadable';

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function describeProblem(problem: ConversionProblem): string {
  switch (problem.code) {
    case 'empty': return 'the file is empty';
    case 'too-large': return `the file is ${MB(problem.bytes)}; reports up to ${MB(problem.limit)} are read`;
    case 'too-long': return `the text has ${problem.chars} characters; at most ${problem.limit} are read`;
    case 'scanned-pdf': return `the PDF (${problem.pages} pages) has no text layer: it is a scan. Run OCR on it (or find the report as a web page) and add the text`;
    case 'encrypted': return `the ${problem.format} file is password-protected; save a copy without the password and add that`;
    case 'broken': return `the ${problem.format} file is damaged or incomplete (${problem.detail})`;
    case 'too-many-pages': return `the PDF has ${problem.pages} pages; a report has at most ${problem.limit}`;
    case 'zip-bomb': return `the archive would unpack to ${MB(problem.declaredBytes)} (limit ${MB(problem.limit)}): refused as a zip bomb`;
    case 'zip-overflow': return `the archive declares ${MB(problem.declaredBytes)} but unpacks to more than ${MB(problem.limit)}: refused as a zip bomb`;
    case 'legacy-format': return `${problem.format} files cannot be read here; open the file in Word or WPS and save it as .docx or PDF (OFD: export to PDF)`;
    case 'not-a-report': return `this is a ${problem.kind} file, not a report (PDF, DOCX, HTML or TXT)`;
    case 'undecodable': return `the text is not valid ${problem.encoding}`;
    case 'no-text': return `the ${problem.format} file holds no text`;
  }
}

export class ConversionError extends Error {
  constructor(readonly problem: ConversionProblem) {
    super(describeProblem(problem));
    this.name = 'ConversionError';
  }
}
