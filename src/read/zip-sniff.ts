/**
 * Whether a zip package holds a part of the given name — judged from the raw bytes (the part names
 * stand in the local headers and the central directory), without opening the package.
 */
export function zipHasPart(bytes: Buffer, part: string): boolean {
  return isZip(bytes) && bytes.includes(part, 0, 'latin1');
}

export function isZip(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004';
}
