import { runTool } from './runTool';

/** What ffprobe reports about one file, reduced to what the output checks need. */
export interface MediaInfo {
  /** Container duration, seconds. */
  durationS: number;
  video: VideoStreamInfo | null;
  audio: AudioStreamInfo | null;
}

export interface VideoStreamInfo {
  /** e.g. 'h264', 'png', 'mjpeg'. */
  codec: string;
  /** e.g. 'High', 'Main' (H.264 profile); '' when the codec has none. */
  profile: string;
  /** e.g. 'yuv420p'. */
  pixelFormat: string;
  width: number;
  height: number;
  /** Nominal frame rate (ffprobe r_frame_rate), frames per second. */
  fps: number;
  /** Number of frames, when the container says (0 when unknown). */
  frameCount: number;
  /** Stream duration, seconds (NaN when unknown). */
  durationS: number;
}

export interface AudioStreamInfo {
  codec: string;
  sampleRateHz: number;
  channels: number;
  durationS: number;
}

/** Parses a rational like '30/1' or '30000/1001' into a number (NaN for '0/0'). */
export function parseRational(text: string | undefined): number {
  if (!text) return NaN;
  const [n, d] = text.split('/').map(Number);
  if (d === undefined) return Number(n);
  if (!d || n === undefined) return NaN;
  return n / d;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
}

/** Turns ffprobe's `-print_format json -show_streams -show_format` output into MediaInfo. */
export function parseFfprobeJson(json: string): MediaInfo {
  const data = JSON.parse(json) as { streams?: FfprobeStream[]; format?: { duration?: string } };
  const streams = data.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  return {
    durationS: Number(data.format?.duration ?? NaN),
    video: v
      ? {
          codec: v.codec_name ?? '',
          profile: v.profile ?? '',
          pixelFormat: v.pix_fmt ?? '',
          width: v.width ?? 0,
          height: v.height ?? 0,
          // The stream's nominal rate (r_frame_rate): avg_frame_rate is frames / duration and drifts on short clips (15 frames read 29.98).
          fps: parseRational(v.r_frame_rate && v.r_frame_rate !== '0/0' ? v.r_frame_rate : v.avg_frame_rate),
          frameCount: Number(v.nb_frames ?? 0) || 0,
          durationS: Number(v.duration ?? NaN),
        }
      : null,
    audio: a
      ? {
          codec: a.codec_name ?? '',
          sampleRateHz: Number(a.sample_rate ?? 0),
          channels: a.channels ?? 0,
          durationS: Number(a.duration ?? NaN),
        }
      : null,
  };
}

/** Probes a media file (MP4, PNG, JPEG, WAV) with ffprobe. Throws naming the file when ffprobe cannot read it. */
export async function probeMedia(path: string): Promise<MediaInfo> {
  const r = await runTool('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', path], {
    allowFailure: true,
  });
  if (r.code !== 0) throw new Error(`ffprobe could not read ${path}: ${r.stderr.trim() || `exit ${r.code}`}`);
  return parseFfprobeJson(r.stdout);
}
