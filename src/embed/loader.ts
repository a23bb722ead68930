/**
 * ltp-embed.js: the only script the article loads before the reader acts
 * (a few kB; no React, no three.js). For every `[data-ltp-explainer]` snippet
 * (docs/embed.md) it
 *
 * - turns the plain transcript lines into buttons that seek;
 * - loads the player (./mountPlayer: React, three.js, the scenes, ~1.3 MB)
 *   when the reader presses Play or a transcript line, and mounts it in place
 *   of the poster; Play starts playback, a line opens the player paused there.
 *   Never on page load, scroll or hover: evaluating the player builds the
 *   synapse simulation, seconds of main-thread work the reader did not ask for.
 *
 * The narration is chosen here: Opus in WebM where the browser plays it, else AAC in MP4.
 */
import './embed.css';
import type { MountOptions } from './mountPlayer';

type PlayerModule = typeof import('./mountPlayer');
let player: Promise<PlayerModule> | null = null;

function loadPlayer(): Promise<PlayerModule> {
  player ??= import('./mountPlayer');
  return player;
}

/** The first narration file (in the snippet's order) this browser can play, as an absolute URL. */
function narrationUrl(root: HTMLElement): string | null {
  const probe = document.createElement('audio');
  for (const key of ['webm', 'm4a']) {
    const file = root.getAttribute(`data-audio-${key}`);
    const type = root.getAttribute(`data-audio-${key}-type`) ?? '';
    if (file && probe.canPlayType(type) !== '') return new URL(file, import.meta.url).href;
  }
  return null;
}

function upgradeTranscript(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('span.ltp-line[data-start-frame]').forEach((span) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ltp-line';
    button.dataset.startFrame = span.dataset.startFrame;
    while (span.firstChild) button.appendChild(span.firstChild);
    span.replaceWith(button);
  });
}

function start(root: HTMLElement, options: Omit<MountOptions, 'audioSrc'>): void {
  if (root.dataset.ltpState) return;
  root.dataset.ltpState = 'loading';
  root.setAttribute('aria-busy', 'true');
  const play = root.querySelector<HTMLButtonElement>('[data-ltp-play]');
  play?.classList.add('ltp-loading');
  loadPlayer()
    .then((m) => m.mountPlayer(root, { ...options, audioSrc: narrationUrl(root) }))
    .catch((e: unknown) => {
      delete root.dataset.ltpState;
      root.removeAttribute('aria-busy');
      play?.classList.remove('ltp-loading');
      player = null; // let the next press try again (a dropped connection)
      const note = document.createElement('p');
      note.className = 'ltp-error';
      note.setAttribute('role', 'alert');
      note.textContent = `The player could not load (${e instanceof Error ? e.message : String(e)}). Press Play to try again.`;
      root.querySelector('.ltp-error')?.remove();
      play?.after(note);
    });
}

function wire(root: HTMLElement): void {
  if (root.dataset.ltpWired) return;
  root.dataset.ltpWired = 'true';
  upgradeTranscript(root);
  root.addEventListener('click', (e) => {
    const target = e.target as Element;
    if (target.closest('[data-ltp-play]')) {
      start(root, { autoplay: true, initialFrame: 0 });
      return;
    }
    const line = target.closest<HTMLElement>('.ltp-line[data-start-frame]');
    if (line) start(root, { autoplay: false, initialFrame: Number(line.dataset.startFrame) || 0 });
  });
}

document.querySelectorAll<HTMLElement>('[data-ltp-explainer]').forEach(wire);
