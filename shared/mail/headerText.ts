// Text that goes into a mail header (a subject, a recipient's name) is one line. A line
// break there would end the header and let the rest of the text add headers or
// recipients of its own; so would the other characters some software reads as one
// (NEL, the Unicode line and paragraph separators). They are turned into spaces here,
// before nodemailer encodes the header, and never reach the wire.

const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export const HEADER_TEXT_MAX = 200;

export function headerText(value: string, max = HEADER_TEXT_MAX): string {
  const line = value.replace(BREAKS_AND_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
