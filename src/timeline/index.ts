export * from './types';
export {
  buildTimeline,
  sceneAtFrame,
  type FrameSpan,
  TimelineOverrunError,
  DEFAULT_TIMELINE_OPTIONS,
  type TimelineOptions,
} from './buildTimeline';
export { parseVoiceTimings, voiceTimingsSchema } from './timingsSchema';
