/**
 * Just enough of the OpenType/TrueType format (the `sfnt` container, ISO/IEC 14496-22) to
 * answer two questions without a font library: does the font have a glyph for a character
 * (`cmap`), and how wide is it (`hmtx`)? The cards lay out their own lines, so they must
 * measure text exactly as satori will draw it, with the same font files.
 */

/** The metrics of one font face that line breaking and glyph checks need. */
export interface FontMetrics {
  /** Font units per em (`head.unitsPerEm`); advances are divided by it. */
  unitsPerEm: number;
  /** The glyph id for a code point, 0 (`.notdef`) when the font has none. */
  glyphOf(codePoint: number): number;
  /** The advance width of a glyph, in font units. */
  advanceOf(glyph: number): number;
}

function tables(view: DataView): Map<string, { offset: number; length: number }> {
  const count = view.getUint16(4);
  const map = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3),
    );
    map.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return map;
}

/** Sorted code point ranges mapped to glyphs: `cmap` formats 12 and 4 both become this. */
interface Groups {
  starts: Uint32Array;
  ends: Uint32Array;
  /** For format 12 the first glyph of the range; for format 4 ranges a per-code-point lookup. */
  glyph: (group: number, codePoint: number) => number;
}

function format12(view: DataView, at: number): Groups {
  const n = view.getUint32(at + 12);
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const firstGlyphs = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const g = at + 16 + i * 12;
    starts[i] = view.getUint32(g);
    ends[i] = view.getUint32(g + 4);
    firstGlyphs[i] = view.getUint32(g + 8);
  }
  return { starts, ends, glyph: (i, cp) => firstGlyphs[i]! + (cp - starts[i]!) };
}

function format4(view: DataView, at: number): Groups {
  const segments = view.getUint16(at + 6) / 2;
  const endsAt = at + 14;
  const startsAt = endsAt + segments * 2 + 2;
  const deltasAt = startsAt + segments * 2;
  const rangesAt = deltasAt + segments * 2;
  const starts = new Uint32Array(segments);
  const ends = new Uint32Array(segments);
  for (let i = 0; i < segments; i++) {
    starts[i] = view.getUint16(startsAt + i * 2);
    ends[i] = view.getUint16(endsAt + i * 2);
  }
  const glyph = (i: number, cp: number) => {
    const delta = view.getInt16(deltasAt + i * 2);
    const rangeOffset = view.getUint16(rangesAt + i * 2);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const g = view.getUint16(rangesAt + i * 2 + rangeOffset + (cp - starts[i]!) * 2);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  };
  return { starts, ends, glyph };
}

/** Picks the Unicode `cmap` subtable: full repertoire (3,10 / 0,4) first, then BMP (3,1 / 0,3). */
function readCmap(view: DataView, at: number): Groups {
  const count = view.getUint16(at + 2);
  let best: { rank: number; offset: number } | undefined;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(at + 4 + i * 8);
    const encoding = view.getUint16(at + 6 + i * 8);
    const offset = at + view.getUint32(at + 8 + i * 8);
    const format = view.getUint16(offset);
    const rank =
      format === 12 && ((platform === 3 && encoding === 10) || (platform === 0 && encoding === 4)) ? 2
        : format === 4 && ((platform === 3 && encoding === 1) || (platform === 0 && encoding === 3)) ? 1
          : 0;
    if (rank > 0 && (!best || rank > best.rank)) best = { rank, offset };
  }
  if (!best) throw new Error('The font has no Unicode character map (cmap format 4 or 12); use a TrueType or OpenType font with one.');
  return view.getUint16(best.offset) === 12 ? format12(view, best.offset) : format4(view, best.offset);
}

/** Reads the metrics of a TrueType/OpenType font file (not a collection). */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = view.getUint32(0);
  if (tag !== 0x00010000 && tag !== 0x4f54544f /* OTTO */ && tag !== 0x74727565 /* true */) {
    throw new Error('The font file is not a plain TrueType or OpenType font (collections, WOFF and WOFF2 are not read here); use a .ttf or .otf file.');
  }
  const dir = tables(view);
  const need = (name: string) => {
    const t = dir.get(name);
    if (!t) throw new Error(`The font has no \`${name}\` table, which share cards need to measure text; use a complete .ttf or .otf file.`);
    return t.offset;
  };
  const unitsPerEm = view.getUint16(need('head') + 18);
  const longMetrics = view.getUint16(need('hhea') + 34);
  const hmtx = need('hmtx');
  const groups = readCmap(view, need('cmap'));
  const lastAdvance = view.getUint16(hmtx + (longMetrics - 1) * 4);
  return {
    unitsPerEm,
    glyphOf(codePoint) {
      let lo = 0;
      let hi = groups.starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (codePoint < groups.starts[mid]!) hi = mid - 1;
        else if (codePoint > groups.ends[mid]!) lo = mid + 1;
        else return groups.glyph(mid, codePoint);
      }
      return 0;
    },
    advanceOf(glyph) {
      return glyph < longMetrics ? view.getUint16(hmtx + glyph * 4) : lastAdvance;
    },
  };
}
