export * from './types';
export {
  buildTimeline,
  sceneAtFrame,
  TimelineOverrunError,
  DEFAULT_TIMELINE_OPTIONS,
  type TimelineOptions,
} from './buildTimeline';
export { parseVoiceTimings, voiceTimingsSchema } from './timingsSchema';
