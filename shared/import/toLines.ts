/** One line of the document with its 1-based number, for error messages. */
export interface Line {
  no: number;
  text: string;
}

/** Splits on LF, CRLF or a lone CR, so files from any editor read the same. */
export const toLines = (text: string): Line[] => text.split(/\r\n|\n|\r/).map((t, i) => ({ no: i + 1, text: t }));

/** Blank: nothing but spaces and tabs (a table row of empty cells is blank too). */
export const isBlank = (text: string) => /^[ \t]*$/.test(text);

/** Trims spaces and tabs only: other white space (a no-break space) is content. */
export const trimLine = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, '');
