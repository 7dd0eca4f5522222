/**
 * IEEE 1588 identities as pmc prints them: a clockIdentity is 8 bytes in linuxptp's `%02x%02x%02x.%02x%02x.%02x%02x%02x`
 * form, a portIdentity adds `-<portNumber>` (a UInteger16 in decimal).
 */
export const CLOCK_IDENTITY = /^[0-9a-fA-F]{6}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{6}$/;
export const PORT_IDENTITY = /^[0-9a-fA-F]{6}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{6}-\d{1,5}$/;
