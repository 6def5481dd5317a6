// The element's own CSS as plain text: the chunk that carries it (widget-styles.ts) imports nothing, so the main
// chunk can wait for it while it loads (a chunk that imported the main chunk back would wait for it forever).
// Named css so that scripts/minify-lit-css.ts minifies these templates as it does Lit's.
export const css = (strings: TemplateStringsArray): string => strings.join('');
