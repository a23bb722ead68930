/** HMR event the studio server sends when a file under public/ changes: `{ publicPath: '/voice/narration.wav' }`. */
export const AUDIO_CHANGED_EVENT_NAME = 'studio:audio-changed';
