// TextDecoder exists in every runtime shared/ runs in (browser, Node, Electron), but lib ES2023 does
// not declare it. Declared here for the shared-only type check; the node and web checks exclude this
// file and use their own declarations.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
