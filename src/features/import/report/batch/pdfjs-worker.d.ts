/** pdf.js's worker module ships without types; importing it in the conversion worker makes pdf.js run in-thread. */
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
