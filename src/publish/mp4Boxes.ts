import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** One top-level ISO BMFF box (MP4 "atom"). */
export interface Mp4Box {
  /** Four-character type, e.g. 'ftyp', 'moov', 'mdat'. */
  type: string;
  /** Byte offset of the box header from the start of the file. */
  offsetBytes: number;
  /** Size of the whole box including its header, bytes. */
  sizeBytes: number;
}

/**
 * Lists the top-level boxes of an MP4 by reading only their headers
 * (ISO/IEC 14496-12 section 4.2: 32-bit size + type; size 1 means a 64-bit
 * size follows, size 0 means "to the end of the file"). Throws, naming the
 * file and offset, when a header is truncated or a size is impossible.
 */
export function readTopLevelBoxes(path: string): Mp4Box[] {
  const fd = openSync(path, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    const boxes: Mp4Box[] = [];
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset < fileSize) {
      const got = readSync(fd, header, 0, 16, offset);
      if (got < 8) throw new Error(`${path}: truncated box header at byte ${offset} (file is ${fileSize} bytes).`);
      const size32 = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      let size: number;
      if (size32 === 1) {
        if (got < 16) throw new Error(`${path}: truncated 64-bit box size for "${type}" at byte ${offset}.`);
        size = Number(header.readBigUInt64BE(8));
      } else if (size32 === 0) {
        size = fileSize - offset;
      } else {
        size = size32;
      }
      if (size < 8 || offset + size > fileSize) {
        throw new Error(
          `${path}: box "${type}" at byte ${offset} claims ${size} bytes but the file has ${fileSize - offset} left: not a complete MP4.`,
        );
      }
      boxes.push({ type, offsetBytes: offset, sizeBytes: size });
      offset += size;
    }
    return boxes;
  } finally {
    closeSync(fd);
  }
}

/** Result of the fast-start check. */
export interface FastStartReport {
  ok: boolean;
  /** Top-level box types in file order, e.g. ['ftyp', 'moov', 'mdat']. */
  order: string[];
  message: string;
}

/**
 * A progressive-download MP4 needs its index (moov) before the media data
 * (mdat), so a browser can start playing before the whole file arrives
 * (ffmpeg `-movflags +faststart`).
 */
export function checkFastStart(boxes: readonly Mp4Box[]): FastStartReport {
  const order = boxes.map((b) => b.type);
  const moov = order.indexOf('moov');
  const mdat = order.indexOf('mdat');
  if (moov < 0) return { ok: false, order, message: 'no moov box' };
  if (mdat < 0) return { ok: false, order, message: 'no mdat box' };
  if (moov > mdat)
    return { ok: false, order, message: `moov after mdat (${order.join(' ')}): re-mux with -movflags +faststart` };
  return { ok: true, order, message: order.join(' ') };
}
