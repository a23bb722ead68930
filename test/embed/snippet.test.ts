import { describe, expect, it } from 'vitest';
import { escapeHtml, posterPicture, snippetHtml, transcriptHtml, type SnippetInput } from '../../src/embed/snippetHtml';
import { parseRange, pickEncoding } from '../../src/embed/embedServer';

const posters = [480, 960, 1920].flatMap((width) =>
  (
    [
      ['image/avif', 'avif'],
      ['image/webp', 'webp'],
      ['image/jpeg', 'jpg'],
    ] as const
  ).map(([mime, ext]) => ({ mime, width, file: `assets/poster-${width}.${ext}` })),
);

const input: SnippetInput = {
  base: '/media/ltp/',
  compositionId: 'explainer',
  title: 'LTP <explainer> & "more"',
  fps: 30,
  durationInFrames: 1676,
  width: 1920,
  height: 1080,
  posters,
  audio: [
    { key: 'webm', mime: 'audio/webm; codecs="opus"', file: 'assets/n.webm' },
    { key: 'm4a', mime: 'audio/mp4', file: 'assets/n.m4a' },
  ],
  video: { mp4: 'explainer.mp4', captionsVtt: 'explainer.vtt' },
  chapters: [
    { id: 'a', title: 'First', startFrame: 0, durationFrames: 100 },
    { id: 'b', title: 'Second', startFrame: 100, durationFrames: 100 },
  ],
  lines: [
    { text: 'One <b>', startMs: 0, endMs: 1000, startFrame: 0, chapterIndex: 0 },
    { text: 'Two', startMs: 3500, endMs: 4000, startFrame: 105, chapterIndex: 1 },
  ],
  script: 'ltp-embed.js',
  stylesheet: 'ltp-embed.css',
  noscriptStylesheet: 'ltp-embed-noscript.css',
};

describe('snippetHtml', () => {
  it('escapes text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = snippetHtml(input);
    expect(html).not.toContain('<explainer>');
    expect(html).toContain('LTP &lt;explainer&gt; &amp; &quot;more&quot;');
    expect(html).toContain('One &lt;b&gt;');
  });

  it('offers AVIF, then WebP, then a JPEG <img> with every width, and a 960 px JPEG fallback', () => {
    const picture = posterPicture(input);
    const avif = picture.indexOf('image/avif');
    const webp = picture.indexOf('image/webp');
    expect(avif).toBeGreaterThan(0);
    expect(webp).toBeGreaterThan(avif);
    expect(picture).toContain('src="/media/ltp/assets/poster-960.jpg"');
    expect(picture).toContain('/media/ltp/assets/poster-480.avif 480w, /media/ltp/assets/poster-960.avif 960w');
    expect(picture).toContain('width="1920" height="1080"');
    expect(() => posterPicture({ ...input, posters: posters.filter((p) => p.mime !== 'image/jpeg') })).toThrow(/JPEG/);
  });

  it('puts the MP4 with a default English captions track inside <noscript>, with the stylesheet that hides Play', () => {
    const html = snippetHtml(input);
    const noscript = /<noscript>([\s\S]*)<\/noscript>/.exec(html)?.[1] ?? '';
    expect(noscript).toContain('<source src="/media/ltp/explainer.mp4" type="video/mp4">');
    expect(noscript).toMatch(
      /<track kind="captions" src="\/media\/ltp\/explainer.vtt" srclang="en" label="English" default>/,
    );
    expect(noscript).toContain('href="/media/ltp/ltp-embed-noscript.css"');
    expect(noscript).not.toContain('kind="chapters"');
    expect(snippetHtml({ ...input, video: { ...input.video, chaptersVtt: 'c.vtt' } })).toContain('kind="chapters"');
    // The Play poster and the loader are outside it.
    expect(html.indexOf('data-ltp-play')).toBeLessThan(html.indexOf('<noscript>'));
    expect(html.trimEnd().endsWith('<script type="module" src="/media/ltp/ltp-embed.js"></script>')).toBe(true);
  });

  it('groups transcript lines by scene with their clock time and start frame', () => {
    const t = transcriptHtml(input.chapters, input.lines, 30);
    expect(t.indexOf('<h4>First</h4>')).toBeLessThan(t.indexOf('One'));
    expect(t.indexOf('<h4>Second</h4>')).toBeLessThan(t.indexOf('Two'));
    expect(t).toContain('data-start-frame="105"><span class="ltp-line-time">0:03</span> Two');
  });

  it('names the narration files and their types for the loader', () => {
    const html = snippetHtml(input);
    expect(html).toContain('data-audio-webm="assets/n.webm"');
    expect(html).toContain('data-audio-webm-type="audio/webm; codecs=&quot;opus&quot;"');
    expect(html.indexOf('data-audio-webm=')).toBeLessThan(html.indexOf('data-audio-m4a='));
  });
});

describe('embed server helpers', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding(undefined)).toBeNull();
  });

  it('parses byte ranges and refuses unsatisfiable ones', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
  });
});
