import { child, elements, isOn, textOf, type XmlElement } from './xmlTree';

/** What a paragraph style, or a character style, gives the text in it. */
interface Style {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numId?: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * The parts of a Word file that the body's paragraphs refer to: styles (headings,
 * list styles, bold character styles), list numbering (bullets or numbers), the
 * addresses of links, and whether Planbord wrote the file.
 */
export class WordContext {
  private readonly styles = new Map<string, Style>();
  private readonly numFormats = new Map<string, string[]>();
  private readonly links = new Map<string, string>();
  /** The document's custom properties (Planbord's export names itself there). */
  private readonly properties = new Map<string, string>();

  constructor(parts: { styles?: XmlElement; numbering?: XmlElement; rels?: XmlElement; custom?: XmlElement }) {
    for (const s of parts.styles ? elements(parts.styles) : []) {
      if (s.name !== 'w:style' || !s.attrs['w:styleId']) continue;
      const pPr = child(s, 'w:pPr');
      const rPr = child(s, 'w:rPr');
      const outline = child(pPr, 'w:outlineLvl')?.attrs['w:val'];
      this.styles.set(s.attrs['w:styleId'], {
        name: (child(s, 'w:name')?.attrs['w:val'] ?? '').toLowerCase(),
        basedOn: child(s, 'w:basedOn')?.attrs['w:val'],
        outlineLevel: outline === undefined ? undefined : Number(outline),
        numId: child(child(pPr, 'w:numPr'), 'w:numId')?.attrs['w:val'],
        bold: isOn(child(rPr, 'w:b')),
        italic: isOn(child(rPr, 'w:i')),
      });
    }
    const abstract = new Map<string, string[]>();
    for (const a of parts.numbering ? elements(parts.numbering) : []) {
      if (a.name !== 'w:abstractNum') continue;
      const formats: string[] = [];
      for (const lvl of elements(a)) if (lvl.name === 'w:lvl') formats[Number(lvl.attrs['w:ilvl']) || 0] = child(lvl, 'w:numFmt')?.attrs['w:val'] ?? 'decimal';
      abstract.set(a.attrs['w:abstractNumId'], formats);
    }
    for (const n of parts.numbering ? elements(parts.numbering) : []) {
      if (n.name !== 'w:num') continue;
      const formats = abstract.get(child(n, 'w:abstractNumId')?.attrs['w:val'] ?? '');
      if (formats) this.numFormats.set(n.attrs['w:numId'], formats);
    }
    for (const r of parts.rels ? elements(parts.rels) : []) {
      if (r.attrs.TargetMode === 'External' && r.attrs.Id && r.attrs.Target !== undefined) this.links.set(r.attrs.Id, r.attrs.Target);
    }
    for (const p of parts.custom ? elements(parts.custom) : []) if (p.attrs.name) this.properties.set(p.attrs.name, textOf(p));
  }

  /** Planbord's own export says so in its properties; it is then read exactly as written. */
  get planbordExport(): boolean {
    return (this.properties.get('Planbord') ?? '').trim() !== '';
  }

  property = (name: string) => this.properties.get(name);

  /** A style and the styles it is based on, nearest first (a loop in a damaged file ends it). */
  private *chain(styleId: string | undefined): Generator<Style> {
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id) && this.styles.has(id); id = this.styles.get(id)!.basedOn) {
      seen.add(id);
      yield this.styles.get(id)!;
    }
  }

  private first<K extends keyof Style>(styleId: string | undefined, key: K): Style[K] | undefined {
    for (const s of this.chain(styleId)) if (s[key] !== undefined) return s[key];
    return undefined;
  }

  styleName = (styleId: string | undefined) => (styleId ? (this.styles.get(styleId)?.name ?? '') : '');

  /** Heading level 1–9 of a paragraph style ("heading 2", or an outline level), or null. */
  headingLevel(styleId: string | undefined, outlineLevel?: string): number | null {
    for (const s of this.chain(styleId)) {
      const named = /^heading ([1-9])$/.exec(s.name);
      if (named) return Number(named[1]);
    }
    const level = outlineLevel !== undefined ? Number(outlineLevel) : this.first(styleId, 'outlineLevel');
    return level !== undefined && level >= 0 && level < 9 ? level + 1 : null;
  }

  isTitle = (styleId: string | undefined) => [...this.chain(styleId)].some((s) => s.name === 'title');
  bold = (styleId: string | undefined) => this.first(styleId, 'bold') ?? false;
  italic = (styleId: string | undefined) => this.first(styleId, 'italic') ?? false;
  styleNumId = (styleId: string | undefined) => this.first(styleId, 'numId');

  /** Whether the list a paragraph belongs to is numbered (anything but bullets). */
  ordered(numId: string, level: number): boolean {
    const format = this.numFormats.get(numId)?.[level] ?? this.numFormats.get(numId)?.[0] ?? 'bullet';
    return format !== 'bullet' && format !== 'none';
  }

  hasList = (numId: string | undefined) => numId !== undefined && numId !== '0' && this.numFormats.has(numId);
  link = (relId: string | undefined) => (relId ? this.links.get(relId) : undefined);
}
