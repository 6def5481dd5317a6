import type { Server } from 'node:http';

export declare const CONTENT_SECURITY_POLICY: string;
export declare const MIME_TYPES: Readonly<Record<string, string>>;
/** The file a URL path names inside root, or null when it must not be served. */
export declare function resolveInside(root: string, urlPath: string): string | null;
/** Serves root read-only on host:port (port 0: any free port); "/" redirects to redirectRoot (default /demo/). */
export declare function serve(options: { root: string; port?: number; host?: string; redirectRoot?: string }): Promise<Server>;
