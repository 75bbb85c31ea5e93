// Record-size limits: what tshark 4.0 accepts, measured from the outside (files with one record
// of growing size per link type). A larger record is refused as damaged before anything is
// allocated for it; all limits are far below the 256 MiB where an allocation would hurt.

/** tshark's default maximum packet size (bytes). */
export const MAX_PACKET_STANDARD = 262144;

/** USB (186, 189, 220, 249, 266) and D-Bus (231) captures may hold records up to 128 MiB. */
export const MAX_PACKET_LARGE = 134217728;

/** EBHSCR (279): 8 MiB. */
export const MAX_PACKET_EBHSCR = 8388608;

/** Largest pcapng block tshark reads: the largest packet plus room for headers and options. */
export const PCAPNG_MAX_BLOCK = 134348832;

/** Maximum captured length of one packet for a pcap LINKTYPE_* value. */
export function maxCaplen(linktype: number): number {
  switch (linktype) {
    case 186: case 189: case 220: case 231: case 249: case 266:
      return MAX_PACKET_LARGE;
    case 279:
      return MAX_PACKET_EBHSCR;
    default:
      return MAX_PACKET_STANDARD;
  }
}
