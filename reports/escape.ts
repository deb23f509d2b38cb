/** Escapes one piece of document text for the output kind (HTML, Markdown, or as is for JSON and XLSX). */
export type Escape = (text: string) => string;
