/** Text helpers of the report renderers: HTML escaping here; numbers and factor wording come from libs/charts (shared with the web app). */
export { describeFactor, factorAxisName, formatLevel, formatNumber, formatPercent, formatWithError, levelUnit } from '../../../../libs/charts/src/format';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
