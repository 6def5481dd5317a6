// fontkit ships no types; these cover what src/node/record-pdf.ts asks of it (which characters a font has).
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
