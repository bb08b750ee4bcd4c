/**
 * A tel: link from a typed phone number, shared by the cooling-off dialog (page side) and
 * the elder-mode warning page, without either importing the other's module.
 *   "138 0013 8000" → "tel:13800138000";  "javascript:1" → null (fewer than 3 digits)
 */
/** Keep only what a tel: link may contain. */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '').slice(0, 20);
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}
