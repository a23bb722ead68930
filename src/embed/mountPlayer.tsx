/**
 * The player, loaded by ltp-embed.js only when the reader asks for it: mounts
 * <EmbedPlayer> (the live composition, React + three.js) in place of the
 * snippet's poster markup. Its own chunk, so none of this is fetched, parsed
 * or run before the reader presses Play.
 */
import './strictCsp';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { compositions } from '../compositions';
import { EmbedPlayer } from './EmbedPlayer';
import { embedDataFor, explainerTimeline } from './embedData';
import { narrationCues } from './narrationCues';

const EMBEDDABLE = ['explainer', 'explainer-vertical', 'explainer-square'];

export interface MountOptions {
  /** Start playing at once (the reader pressed Play). */
  autoplay: boolean;
  /** Frame to open on (a transcript line's first frame, or 0). */
  initialFrame: number;
  /** Absolute URL of the narration this browser plays, or null for silence. */
  audioSrc: string | null;
}

/** Replaces the snippet `root` with the live player; focus moves to the player's Play/Pause button if it was in the snippet. */
export function mountPlayer(root: HTMLElement, options: MountOptions): void {
  const id = root.dataset.composition ?? 'explainer';
  const composition = compositions.find((c) => c.id === id);
  if (!composition || !EMBEDDABLE.includes(id)) {
    throw new Error(`unknown data-composition="${id}"; use one of ${EMBEDDABLE.join(', ')}`);
  }
  const hadFocus = root.contains(document.activeElement);
  const data = embedDataFor(explainerTimeline, narrationCues());
  const container = document.createElement('div');
  container.className = 'ltp-embed-root';
  // Swapped in and rendered in one task, so the browser never paints an empty box in between
  // (and the player measures its box attached, as the 3D canvases need).
  root.replaceWith(container);
  const reactRoot = createRoot(container);
  flushSync(() =>
    reactRoot.render(
      <EmbedPlayer
        composition={composition}
        chapters={data.chapters}
        lines={data.lines}
        audioSrc={options.audioSrc}
        autoplay={options.autoplay}
        initialFrame={options.initialFrame}
        initialCaptions={root.dataset.captions !== 'off'}
        title={root.dataset.title ?? 'Interactive explainer: long-term potentiation'}
      />,
    ),
  );
  if (hadFocus) container.querySelector<HTMLElement>('.ltp-play')?.focus();
}
