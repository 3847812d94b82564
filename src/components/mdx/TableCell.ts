/**
 * Markdown table alignment (`| ---: |`) reaches the <th>/<td> overrides as a
 * style object. It becomes a class, because the site's Content-Security-Policy
 * allows no style="" attributes.
 */
export function alignClass(style: unknown): string | undefined {
  const align = typeof style === 'object' && style !== null ? (style as { textAlign?: unknown }).textAlign : undefined;
  return align === 'right' || align === 'center' ? `align-${align}` : undefined;
}
