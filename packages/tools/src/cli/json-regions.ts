// Where each string of a JSON file is: its JSON pointer → line and columns of the value (quotes included), so a
// finding about a text in a locale file can point an editor at its line. A small scanner of valid JSON only.
import type { Position } from '../plain/types.ts';

export function stringRegions(source: string): Map<string, Position> {
  const regions = new Map<string, Position>();
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (offset: number): [number, number] => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return [low + 1, offset - lineStarts[low]! + 1];
  };
  let i = 0;
  const space = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < source.length && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(source.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    space();
    const c = source[i];
    if (c === '"') {
      const start = i;
      string();
      const [line, column] = at(start);
      const [endLine, endColumn] = at(i);
      regions.set(pointer, { line, column, endLine, endColumn });
    } else if (c === '{') {
      i++;
      space();
      while (source[i] !== '}' && i < source.length) {
        space();
        const key = string();
        space();
        i++; // :
        value(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        space();
        if (source[i] === ',') i++;
        space();
      }
      i++;
    } else if (c === '[') {
      i++;
      for (let n = 0; ; n++) {
        space();
        if (source[i] === ']' || i >= source.length) break;
        value(`${pointer}/${n}`);
        space();
        if (source[i] === ',') i++;
      }
      i++;
    } else {
      while (i < source.length && !/[\s,}\]]/.test(source[i]!)) i++;
    }
  };
  value('');
  return regions;
}
