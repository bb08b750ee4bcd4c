/**
 * The otpauth:// QR code, drawn locally on a <canvas> (nothing leaves the device).
 * Encoder: uqr (unjs, MIT, ~28 KB unminified, ESM, typed; only our setup pages load it,
 * never the content script). Quiet zone of 4 modules as the QR spec asks.
 */
import { encode } from 'uqr';

export function drawQr(doc: Document, text: string, opts: { label: string; px?: number }): HTMLCanvasElement {
  const qr = encode(text, { ecc: 'M', border: 4 });
  const scale = Math.max(2, Math.floor((opts.px ?? 264) / qr.size));
  const canvas = doc.createElement('canvas');
  canvas.width = canvas.height = qr.size * scale;
  canvas.className = 'qr';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', opts.label);
  canvas.setAttribute('data-testid', 'totp-qr');
  canvas.setAttribute('data-modules', String(qr.size));
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  qr.data.forEach((row, y) => row.forEach((dark, x) => dark && ctx.fillRect(x * scale, y * scale, scale, scale)));
  return canvas;
}
