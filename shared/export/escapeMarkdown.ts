/** Escapes the characters that would turn someone's sentence into Markdown markup. */
export const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
