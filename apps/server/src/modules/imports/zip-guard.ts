import { inflateRawSync } from 'node:zlib';

/**
 * An XLSX file is a zip archive, and a small archive can unpack to gigabytes (a "zip bomb").
 * Before any spreadsheet library sees the file, this reads the archive's own directory, refuses
 * more than `maxEntries` entries or more than `maxTotalBytes` unpacked, and then unpacks each
 * entry with a hard cap at its declared size, so an archive that lies about its sizes is caught
 * too. Pure and synchronous: bounded work for a bounded input.
 */

export type ZipVerdict = { ok: true; entries: number; totalBytes: number } | { ok: false; reason: 'not-a-zip' | 'too-large' | 'corrupt' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

export function checkZip(buf: Buffer, limits: { maxEntries: number; maxTotalBytes: number }): ZipVerdict {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return { ok: false, reason: 'not-a-zip' };
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return { ok: false, reason: 'corrupt' };
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  // 0xFFFF / 0xFFFFFFFF mean Zip64: never needed for a spreadsheet within our upload limit.
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: 'too-large' };
  if (count > limits.maxEntries) return { ok: false, reason: 'too-large' };

  const entries: { method: number; compressed: number; size: number; localOffset: number }[] = [];
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: 'corrupt' };
    const entry = {
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff) return { ok: false, reason: 'too-large' };
    total += entry.size;
    if (total > limits.maxTotalBytes) return { ok: false, reason: 'too-large' };
    entries.push(entry);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }

  for (const e of entries) {
    const l = e.localOffset;
    if (l + 30 > buf.length || buf.readUInt32LE(l) !== LOCAL) return { ok: false, reason: 'corrupt' };
    const start = l + 30 + buf.readUInt16LE(l + 26) + buf.readUInt16LE(l + 28);
    if (start + e.compressed > buf.length) return { ok: false, reason: 'corrupt' };
    const data = buf.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.size) return { ok: false, reason: 'corrupt' };
    } else if (e.method === 8) {
      let out: Buffer;
      try {
        // One byte more than declared: an entry that unpacks to more than it says stops here.
        out = inflateRawSync(data, { maxOutputLength: e.size + 1 });
      } catch (err) {
        return { ok: false, reason: (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt' };
      }
      if (out.length !== e.size) return { ok: false, reason: out.length > e.size ? 'too-large' : 'corrupt' };
    } else {
      return { ok: false, reason: 'corrupt' };
    }
  }
  return { ok: true, entries: count, totalBytes: total };
}
