// The one DOM builder of the form, the console and the diary: elements from data, text never parsed
// as HTML (so nothing a patient or the API wrote can become markup), SVG for the console's charts.
const SVG_TAGS = new Set(['svg', 'path', 'line', 'circle', 'rect', 'text', 'g', 'polyline']);

/** A DOM element; children are nodes or strings (always text, never HTML). */
export function h(tag, attrs = {}, ...children) {
  const svg = SVG_TAGS.has(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'className') el.setAttribute('class', value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}
