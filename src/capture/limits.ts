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

/**
 * The LINKTYPE_* values tshark 4.0 reads (0-329 tried one by one, a one-record pcap each): in
 * pcapng, an interface of another link type has frames of the unknown encapsulation (WTAP_ENCAP 0,
 * Protocol "UNKNOWN"); a pcap file of one tshark refuses ("network type N unknown or unsupported"),
 * which wirelens reads anyway (its frames are then shown as in pcapng).
 */
const TSHARK_LINKTYPES = new Set([
  0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 19, 32, 50, 51, 99, 100, 101, 104, 105, 106, 107, 108, 109,
  112, 113, 114, 117, 118, 119, 121, 122, 123, 127, 128, 129, 130, 131, 133, 135, 136, 137, 138, 139, 140, 141, 142,
  143, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 165, 167, 169, 170, 171,
  172, 173, 178, 179, 180, 181, 183, 184, 186, 187, 188, 189, 190, 192, 195, 196, 197, 199, 200, 201, 202, 203, 204,
  209, 210, 211, 212, 213, 214, 215, 220, 224, 225, 226, 227, 228, 229, 230, 231, 235, 236, 237, 239, 240, 241, 242,
  243, 245, 248, 249, 250, 251, 252, 253, 254, 255, 256, 258, 259, 260, 264, 266, 268, 270, 271, 272, 273, 274, 275,
  276, 279, 280, 283, 287, 288, 290, 292, 293, 294, 295,
]);

/** Whether tshark 4.0 knows a LINKTYPE_* value (the low 16 bits of pcap's network word). */
export function knownLinktype(linktype: number): boolean {
  return TSHARK_LINKTYPES.has(linktype);
}
