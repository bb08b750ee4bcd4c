/**
 * The 🔊 of "再读一遍", drawn as a small inline SVG so it shows on every system (an emoji
 * needs an emoji font, which many family PCs lack). Decorative: the button's words say it.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export function speakerIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '1.1em');
  svg.setAttribute('height', '1.1em');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.style.marginRight = '0.35em';
  svg.style.flex = 'none';
  const body = doc.createElementNS(SVG_NS, 'path');
  body.setAttribute('d', 'M3 9v6h4l5 4V5L7 9H3z');
  body.setAttribute('fill', 'currentColor');
  const waves = doc.createElementNS(SVG_NS, 'path');
  waves.setAttribute('d', 'M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13');
  waves.setAttribute('fill', 'none');
  waves.setAttribute('stroke', 'currentColor');
  waves.setAttribute('stroke-width', '2');
  waves.setAttribute('stroke-linecap', 'round');
  svg.append(body, waves);
  return svg;
}
