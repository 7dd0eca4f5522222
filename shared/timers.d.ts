// Timers exist in every runtime shared/ runs in (browser, Node, Electron), but lib ES2023 does not
// declare them. Declared here for the shared-only type check; the node and web checks exclude this
// file and use their own declarations.
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
