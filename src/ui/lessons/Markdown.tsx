// The Markdown a lesson is written in, rendered to React elements (never as HTML, so a lesson
// file cannot inject markup): paragraphs, `-` lists, `###` headings, **bold**, *italic*, `code`,
// [links](url) and fenced code blocks.
import type { ReactNode } from 'react';

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /(\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/g;
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const k = `${key}.${n++}`;
    if (m[2] !== undefined) out.push(<strong key={k}>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(<em key={k}>{m[3]}</em>);
    else if (m[4] !== undefined) out.push(<code key={k}>{m[4]}</code>);
    else if (m[5] !== undefined) {
      const href = m[6]!;
      const safe = /^(https?:|\.?\/|#|\?)/.test(href) ? href : '#';
      out.push(
        <a
          key={k}
          href={safe}
          target={safe.startsWith('http') ? '_blank' : undefined}
          rel="noreferrer"
        >
          {m[5]}
        </a>,
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  const lines = text.split('\n');
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    const k = `b${blocks.length}`;
    if (para.length > 0) blocks.push(<p key={k}>{inline(para.join(' '), k)}</p>);
    if (list.length > 0) {
      blocks.push(
        <ul key={`${k}l`}>
          {list.map((item, i) => (
            <li key={i}>{inline(item, `${k}.${i}`)}</li>
          ))}
        </ul>,
      );
    }
    para = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith('```'); i++) code.push(lines[i]!);
      blocks.push(<pre key={`b${blocks.length}`}>{code.join('\n')}</pre>);
      continue;
    }
    const h = /^###\s+(.+)$/.exec(line);
    const li = /^\s*[-*]\s+(.+)$/.exec(line);
    if (h) {
      flush();
      blocks.push(<h4 key={`b${blocks.length}`}>{inline(h[1]!, `h${i}`)}</h4>);
    } else if (li) {
      if (para.length > 0) flush();
      list.push(li[1]!);
    } else if (line.trim() === '') flush();
    else if (list.length > 0 && /^\s+/.test(line)) list[list.length - 1] += ` ${line.trim()}`;
    else {
      if (list.length > 0) flush();
      para.push(line.trim());
    }
  }
  flush();
  return <div className="md">{blocks}</div>;
}
