// The receipt's link for documents sent later (docs/decisions/0035-documents-sent-later.md).

/** The page's address for a link: the host page without its fragment, and the link in the fragment, which
 *  browsers never send to a server (no access log or Referer holds it). */
export function followUpAddress(page: string, link: string): string {
  const url = new URL(page);
  url.hash = `ettersending=${link}`;
  return url.href;
}
