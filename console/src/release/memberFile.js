// Member ids as operators have them: pasted, or a CSV/text export with one id a line (the first column of
// a CSV line). The API takes up to 100,000 ids a call, so larger lists go in several calls.
export const IDS_PER_CALL = 100000;

export function idsOf(text) {
  const ids = [];
  for (const line of text.split(/\r?\n/)) {
    const first = line.split(',')[0].trim().replace(/^"(.*)"$/, '$1');
    if (first) ids.push(first);
  }
  return ids;
}

export function chunksOf(ids, size = IDS_PER_CALL) {
  const chunks = [];
  for (let i = 0; i < ids.length; i += size) {
    chunks.push(ids.slice(i, i + size));
  }
  return chunks;
}
