// Scenario files on disk: download the editor's text as `<name>.ts` (the same file runs unchanged
// with `npx ipcscope run`), and open a `.ts`/`.js` file the user picks. Binary or huge files are
// refused with a message instead of filling the editor with noise.

export const MAX_SCENARIO_BYTES = 512 * 1024;
const EXTENSIONS = /\.(?:ts|mts|js|mjs)$/i;

export type OpenedFile = { ok: true; name: string; text: string } | { ok: false; message: string };

/** A file name from a scenario's name: "Call / ReplyRecv echo" → "call-replyrecv-echo.ts". */
export function scenarioFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'scenario'}.ts`;
}

/** The Blob a download holds: the text exactly as in the editor. */
export function scenarioBlob(text: string): Blob {
  return new Blob([text], { type: 'text/plain;charset=utf-8' });
}

/** Starts the browser's download of `text` as `fileName`. */
export function downloadScenario(text: string, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(scenarioBlob(text));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously in every current browser; revoke after a tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Why a chosen file cannot be opened as a scenario, or null if it can. */
export function checkScenarioFile(name: string, size: number): string | null {
  if (!EXTENSIONS.test(name)) return `${name} is not a .ts or .js file`;
  if (size > MAX_SCENARIO_BYTES) {
    return `${name} is ${Math.round(size / 1024)} KB; a scenario file may be at most ${MAX_SCENARIO_BYTES / 1024} KB`;
  }
  return null;
}

/** Why this text is not a source file (it is binary), or null. */
export function checkScenarioText(name: string, text: string): string | null {
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // NUL, other C0 controls except tab/newline/vertical tab/form feed/return, and U+FFFD (bytes
    // that were not UTF-8) do not occur in source text.
    if (c === 0) suspicious = Infinity;
    else if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0xfffd) suspicious++;
  }
  if (suspicious > Math.max(8, text.length / 100)) {
    return `${name} looks like a binary file, not a scenario source`;
  }
  return null;
}

/** Reads a file the user chose; never throws. */
export async function openScenarioFile(
  file: Pick<File, 'name' | 'size' | 'text'>,
): Promise<OpenedFile> {
  const refused = checkScenarioFile(file.name, file.size);
  if (refused !== null) return { ok: false, message: refused };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return {
      ok: false,
      message: `could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const binary = checkScenarioText(file.name, text);
  if (binary !== null) return { ok: false, message: binary };
  return { ok: true, name: file.name, text: text.replace(/^\ufeff/, '') };
}
