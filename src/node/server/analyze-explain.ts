// The connection's story for the UI: src/explain's explain text and sequence diagram of one TCP
// stream, from the segments src/node/explain-cmd.ts collects (one pass over the file).

import { buildStory, renderStory, type Story } from '../../explain/story.js';
import { flowSvg } from '../../explain/flow-svg.js';
import type { ExplainStrings } from '../../explain/strings.js';
import { collectSegments, LANGS } from '../explain-cmd.js';

export interface StoryData {
  stream: number;
  /** the story as structured sections (frames cited per line) and as text */
  story: Story | undefined;
  text: string;
  /** the sequence diagram (arrows carry data-frame); '' when the stream has no segments */
  svg: string;
  error: string | undefined;
}

export function explainLang(lang: string): ExplainStrings | undefined {
  return Object.prototype.hasOwnProperty.call(LANGS, lang) ? LANGS[lang] : undefined;
}

export async function storyOf(path: string, stream: number, L: ExplainStrings): Promise<StoryData> {
  const got = await collectSegments({ file: path, filter: undefined, streams: [stream] });
  const segs = got.segs.filter((s) => s.stream === stream);
  if (segs.length === 0) return { stream, story: undefined, text: '', svg: '', error: got.error ?? `no TCP connection with tcp.stream ${stream}` };
  const story = buildStory(segs, L);
  return { stream, story, text: renderStory(story), svg: flowSvg(segs, { lang: L }), error: got.error };
}
