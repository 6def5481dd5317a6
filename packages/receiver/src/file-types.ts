// What a file is, by its first bytes ("magic numbers"), never by its name or the declared type alone.
// Only the four kinds attachment.schema.json allows: PDF, JPEG, PNG and HEIC (iPhone photos).

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** How many leading bytes sniffFileType needs to decide. */
export const SNIFF_BYTES = 64;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** HEIF brands of HEVC-coded images (ISO/IEC 23008-12). Plain "mif1"/"msf1" may also be AVIF, so they count only beside one of these. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

function isHeic(bytes: Uint8Array): boolean {
  // ISO base media file: [size:4]["ftyp"][major brand:4][minor version:4][compatible brands:4]…
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(boxSize, bytes.length);
  if (boxSize < 16) return HEIC_BRANDS.has(ascii(bytes, 8, 12));
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands.some((brand) => HEIC_BRANDS.has(brand));
}

/** The type of a file from its first SNIFF_BYTES bytes, or null when it is none of ATTACHMENT_TYPES. */
export function sniffFileType(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // "%PDF-"
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (isHeic(head)) return 'image/heic';
  return null;
}

/** A declared media type the upload may carry: one of ours, or "I don't know" (some systems send HEIC so). */
export function acceptableDeclaredType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (ATTACHMENT_TYPES as readonly string[]).includes(type) || type === 'application/octet-stream';
}
