import type { Server } from 'node:http';

export declare const CONTENT_SECURITY_POLICY: string;
export declare const STANDALONE_CONTENT_SECURITY_POLICY: string;
export declare const DEMO_FOLDERS: readonly string[];
export declare const MIME_TYPES: Readonly<Record<string, string>>;
/** The file a URL path names inside root, or null when it must not be served. */
export declare function resolveInside(root: string, urlPath: string): string | null;
/**
 * Serves root read-only on host:port (port 0: any free port); "/" redirects to redirectRoot (default /demo/).
 * `allow`: the top-level folders that may be served (default all of root); `deny`: absolute folders never
 * served. Both are checked against real paths, so a symlink cannot lead out. `policy`: the Content-Security-Policy
 * header (default CONTENT_SECURITY_POLICY).
 */
export declare function serve(options: {
  root: string;
  port?: number;
  host?: string;
  redirectRoot?: string;
  allow?: readonly string[];
  deny?: string[];
  policy?: string;
}): Promise<Server>;
