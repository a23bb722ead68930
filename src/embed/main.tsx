/**
 * Entry of the article-page player. Finds every `[data-ltp-explainer]`
 * element on the page and mounts a player in it:
 *
 *   <div data-ltp-explainer data-composition="explainer"></div>
 *   <script type="module" src="ltp-embed.js"></script>
 *
 * Attributes: data-composition (explainer | explainer-vertical |
 * explainer-square, default explainer), data-autoplay="false" (start paused),
 * data-captions="off" (captions off at first), data-title (accessible name).
 */
import { createRoot } from 'react-dom/client';
import { compositions } from '../compositions';
import narrationUrl from '../../public/voice/narration.wav?url';
import embedCss from './embed.css?inline';
import { EmbedPlayer } from './EmbedPlayer';
import { embedDataFor, explainerTimeline } from './embedData';
import { narrationCues } from './narrationCues';

const EMBEDDABLE = ['explainer', 'explainer-vertical', 'explainer-square'];

function injectStyles(): void {
  if (document.querySelector('style[data-ltp-embed]')) return;
  const style = document.createElement('style');
  style.setAttribute('data-ltp-embed', '');
  style.textContent = embedCss;
  document.head.appendChild(style);
}

function mount(el: HTMLElement): void {
  if (el.dataset.ltpMounted) return;
  el.dataset.ltpMounted = 'true';
  const id = el.dataset.composition ?? 'explainer';
  const composition = compositions.find((c) => c.id === id);
  if (!composition || !EMBEDDABLE.includes(id)) {
    el.textContent = `LTP explainer: unknown data-composition="${id}"; use one of ${EMBEDDABLE.join(', ')}.`;
    el.setAttribute('role', 'alert');
    return;
  }
  const data = embedDataFor(explainerTimeline, narrationCues());
  createRoot(el).render(
    <EmbedPlayer
      composition={composition}
      chapters={data.chapters}
      lines={data.lines}
      audioSrc={narrationUrl}
      autoplay={el.dataset.autoplay !== 'false'}
      initialCaptions={el.dataset.captions !== 'off'}
      title={el.dataset.title ?? 'Interactive explainer: long-term potentiation'}
    />,
  );
}

injectStyles();
document.querySelectorAll<HTMLElement>('[data-ltp-explainer]').forEach(mount);
