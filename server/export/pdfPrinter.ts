import { createRequire } from 'node:module';
import path from 'node:path';

// pdfmake is a CommonJS singleton without types of its own; this module configures it
// once (fonts, and no file or network access beyond those fonts: plan text must never
// make the server fetch anything) and exposes the one call we use.

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Buffer> };
}

const roboto = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'build/fonts/Roboto');
const emoji = path.dirname(require.resolve('@expo-google-fonts/noto-emoji/package.json'));

/** Roboto covers the Swedish letters and typography; Noto Emoji (outline) the emoji Roboto lacks. */
export const PDF_FONTS = {
  Roboto: {
    normal: path.join(roboto, 'Roboto-Regular.ttf'),
    bold: path.join(roboto, 'Roboto-Medium.ttf'),
    italics: path.join(roboto, 'Roboto-Italic.ttf'),
    bolditalics: path.join(roboto, 'Roboto-MediumItalic.ttf'),
  },
  Emoji: {
    normal: path.join(emoji, '400Regular/NotoEmoji_400Regular.ttf'),
    bold: path.join(emoji, '700Bold/NotoEmoji_700Bold.ttf'),
    italics: path.join(emoji, '400Regular/NotoEmoji_400Regular.ttf'),
    bolditalics: path.join(emoji, '700Bold/NotoEmoji_700Bold.ttf'),
  },
};

const fontFiles = new Set(Object.values(PDF_FONTS).flatMap((f) => Object.values(f)));
let configured: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (configured) return configured;
  const instance = require('pdfmake') as PdfMake;
  instance.setFonts(PDF_FONTS);
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((file) => fontFiles.has(path.resolve(file)));
  configured = instance;
  return instance;
}

export function printPdf(definition: object): Promise<Buffer> {
  return pdfmake().createPdf(definition).getBuffer();
}
