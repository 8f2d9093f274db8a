// The fake workspace's canvases: a canvas is its title and a list of sections, each a heading line (h1–h3)
// and the markdown under it, which is how canvases.sections.lookup finds them and canvases.edit replaces
// them. A section id names the heading's section; replacing it replaces the heading and its body up to
// the next heading.

export interface FakeCanvasSection {
  id: string;
  /** 1–3 for `#`, `##`, `###`; 0 for text before any heading. */
  level: number;
  heading: string;
  markdown: string;
}

export interface FakeCanvas {
  id: string;
  title: string;
  /** The channel whose own canvas it is, or where a standalone canvas is tabbed. */
  channelId?: string;
  isChannelCanvas: boolean;
  sections: FakeCanvasSection[];
  /** user or channel id → read | write | owner */
  access: Map<string, string>;
  edits: number;
}

let sectionCounter = 0;
const nextSectionId = () => `temp:C:SECTION${String(++sectionCounter).padStart(6, '0')}`;

/** Markdown split at its heading lines: each section holds its heading line and the text under it. */
export function parseSections(markdown: string): FakeCanvasSection[] {
  const sections: FakeCanvasSection[] = [];
  let current: FakeCanvasSection | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      current = { id: nextSectionId(), level: heading[1]!.length, heading: heading[2]!, markdown: `${line}\n` };
      sections.push(current);
    } else {
      if (!current) sections.push((current = { id: nextSectionId(), level: 0, heading: '', markdown: '' }));
      current.markdown += `${line}\n`;
    }
  }
  return sections;
}

export const canvasMarkdown = (canvas: FakeCanvas) => canvas.sections.map((s) => s.markdown.trim()).filter(Boolean).join('\n\n');
