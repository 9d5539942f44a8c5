// The one Content Security Policy of the renderer: sent as a header by the app:// handler and the
// browser harness, and written into the built index.html as a <meta> (electron.vite.config.ts),
// so it holds however the page is loaded. No inline script, no eval; styles from the bundle only;
// data: images for icons.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
]

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/** The same policy for a <meta> tag, less frame-ancestors, which browsers ignore (with a warning) there. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((directive) => !directive.startsWith('frame-ancestors')).join('; ')

const META_PLACEHOLDER = '<meta http-equiv="Content-Security-Policy" content="" />'

/**
 * index.html carries an empty CSP <meta> (no policy while the Vite dev server injects inline
 * styles); the build fills it in. Throws if the placeholder is gone, so a build never ships without it.
 */
export function withContentSecurityPolicyMeta(html: string): string {
  if (!html.includes(META_PLACEHOLDER)) throw new Error(`index.html has lost its CSP placeholder (${META_PLACEHOLDER})`)
  return html.replace(META_PLACEHOLDER, `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`)
}
