// tls-names: TLS value names (cipher suites, versions, extension types, groups, signature
// algorithms, alerts …) as tshark 4.0 prints them (taken from the output of `tshark -G values`).

import { vals, type ValueNames } from '../core/field.js';

/** tls.handshake.ciphersuite (tshark -G values) */
export const CIPHER_SUITES: ValueNames = vals({
  0x0: 'TLS_NULL_WITH_NULL_NULL', 0x1: 'TLS_RSA_WITH_NULL_MD5', 0x2: 'TLS_RSA_WITH_NULL_SHA',
  0x3: 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', 0x4: 'TLS_RSA_WITH_RC4_128_MD5', 0x5: 'TLS_RSA_WITH_RC4_128_SHA',
  0x6: 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', 0x7: 'TLS_RSA_WITH_IDEA_CBC_SHA',
  0x8: 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA', 0x9: 'TLS_RSA_WITH_DES_CBC_SHA',
  0xa: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', 0xb: 'TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA',
  0xc: 'TLS_DH_DSS_WITH_DES_CBC_SHA', 0xd: 'TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA',
  0xe: 'TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA', 0xf: 'TLS_DH_RSA_WITH_DES_CBC_SHA',
  0x10: 'TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA', 0x11: 'TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA',
  0x12: 'TLS_DHE_DSS_WITH_DES_CBC_SHA', 0x13: 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
  0x14: 'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA', 0x15: 'TLS_DHE_RSA_WITH_DES_CBC_SHA',
  0x16: 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA', 0x17: 'TLS_DH_anon_EXPORT_WITH_RC4_40_MD5',
  0x18: 'TLS_DH_anon_WITH_RC4_128_MD5', 0x19: 'TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA',
  0x1a: 'TLS_DH_anon_WITH_DES_CBC_SHA', 0x1b: 'TLS_DH_anon_WITH_3DES_EDE_CBC_SHA',
  0x1c: 'SSL_FORTEZZA_KEA_WITH_NULL_SHA', 0x1d: 'SSL_FORTEZZA_KEA_WITH_FORTEZZA_CBC_SHA',
  0x1e: 'TLS_KRB5_WITH_DES_CBC_SHA', 0x1f: 'TLS_KRB5_WITH_3DES_EDE_CBC_SHA',
  0x20: 'TLS_KRB5_WITH_RC4_128_SHA', 0x21: 'TLS_KRB5_WITH_IDEA_CBC_SHA', 0x22: 'TLS_KRB5_WITH_DES_CBC_MD5',
  0x23: 'TLS_KRB5_WITH_3DES_EDE_CBC_MD5', 0x24: 'TLS_KRB5_WITH_RC4_128_MD5',
  0x25: 'TLS_KRB5_WITH_IDEA_CBC_MD5', 0x26: 'TLS_KRB5_EXPORT_WITH_DES_CBC_40_SHA',
  0x27: 'TLS_KRB5_EXPORT_WITH_RC2_CBC_40_SHA', 0x28: 'TLS_KRB5_EXPORT_WITH_RC4_40_SHA',
  0x29: 'TLS_KRB5_EXPORT_WITH_DES_CBC_40_MD5', 0x2a: 'TLS_KRB5_EXPORT_WITH_RC2_CBC_40_MD5',
  0x2b: 'TLS_KRB5_EXPORT_WITH_RC4_40_MD5', 0x2c: 'TLS_PSK_WITH_NULL_SHA', 0x2d: 'TLS_DHE_PSK_WITH_NULL_SHA',
  0x2e: 'TLS_RSA_PSK_WITH_NULL_SHA', 0x2f: 'TLS_RSA_WITH_AES_128_CBC_SHA',
  0x30: 'TLS_DH_DSS_WITH_AES_128_CBC_SHA', 0x31: 'TLS_DH_RSA_WITH_AES_128_CBC_SHA',
  0x32: 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA', 0x33: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  0x34: 'TLS_DH_anon_WITH_AES_128_CBC_SHA', 0x35: 'TLS_RSA_WITH_AES_256_CBC_SHA',
  0x36: 'TLS_DH_DSS_WITH_AES_256_CBC_SHA', 0x37: 'TLS_DH_RSA_WITH_AES_256_CBC_SHA',
  0x38: 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA', 0x39: 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  0x3a: 'TLS_DH_anon_WITH_AES_256_CBC_SHA', 0x3b: 'TLS_RSA_WITH_NULL_SHA256',
  0x3c: 'TLS_RSA_WITH_AES_128_CBC_SHA256', 0x3d: 'TLS_RSA_WITH_AES_256_CBC_SHA256',
  0x3e: 'TLS_DH_DSS_WITH_AES_128_CBC_SHA256', 0x3f: 'TLS_DH_RSA_WITH_AES_128_CBC_SHA256',
  0x40: 'TLS_DHE_DSS_WITH_AES_128_CBC_SHA256', 0x41: 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA',
  0x42: 'TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA', 0x43: 'TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA',
  0x44: 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA', 0x45: 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA',
  0x46: 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA', 0x60: 'TLS_RSA_EXPORT1024_WITH_RC4_56_MD5',
  0x61: 'TLS_RSA_EXPORT1024_WITH_RC2_CBC_56_MD5', 0x62: 'TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA',
  0x63: 'TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA', 0x64: 'TLS_RSA_EXPORT1024_WITH_RC4_56_SHA',
  0x65: 'TLS_DHE_DSS_EXPORT1024_WITH_RC4_56_SHA', 0x66: 'TLS_DHE_DSS_WITH_RC4_128_SHA',
  0x67: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256', 0x68: 'TLS_DH_DSS_WITH_AES_256_CBC_SHA256',
  0x69: 'TLS_DH_RSA_WITH_AES_256_CBC_SHA256', 0x6a: 'TLS_DHE_DSS_WITH_AES_256_CBC_SHA256',
  0x6b: 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256', 0x6c: 'TLS_DH_anon_WITH_AES_128_CBC_SHA256',
  0x6d: 'TLS_DH_anon_WITH_AES_256_CBC_SHA256', 0x80: 'TLS_GOSTR341094_WITH_28147_CNT_IMIT',
  0x81: 'TLS_GOSTR341001_WITH_28147_CNT_IMIT', 0x82: 'TLS_GOSTR341094_WITH_NULL_GOSTR3411',
  0x83: 'TLS_GOSTR341001_WITH_NULL_GOSTR3411', 0x84: 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA',
  0x85: 'TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA', 0x86: 'TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA',
  0x87: 'TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA', 0x88: 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA',
  0x89: 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA', 0x8a: 'TLS_PSK_WITH_RC4_128_SHA',
  0x8b: 'TLS_PSK_WITH_3DES_EDE_CBC_SHA', 0x8c: 'TLS_PSK_WITH_AES_128_CBC_SHA',
  0x8d: 'TLS_PSK_WITH_AES_256_CBC_SHA', 0x8e: 'TLS_DHE_PSK_WITH_RC4_128_SHA',
  0x8f: 'TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA', 0x90: 'TLS_DHE_PSK_WITH_AES_128_CBC_SHA',
  0x91: 'TLS_DHE_PSK_WITH_AES_256_CBC_SHA', 0x92: 'TLS_RSA_PSK_WITH_RC4_128_SHA',
  0x93: 'TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA', 0x94: 'TLS_RSA_PSK_WITH_AES_128_CBC_SHA',
  0x95: 'TLS_RSA_PSK_WITH_AES_256_CBC_SHA', 0x96: 'TLS_RSA_WITH_SEED_CBC_SHA',
  0x97: 'TLS_DH_DSS_WITH_SEED_CBC_SHA', 0x98: 'TLS_DH_RSA_WITH_SEED_CBC_SHA',
  0x99: 'TLS_DHE_DSS_WITH_SEED_CBC_SHA', 0x9a: 'TLS_DHE_RSA_WITH_SEED_CBC_SHA',
  0x9b: 'TLS_DH_anon_WITH_SEED_CBC_SHA', 0x9c: 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  0x9d: 'TLS_RSA_WITH_AES_256_GCM_SHA384', 0x9e: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  0x9f: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 0xa0: 'TLS_DH_RSA_WITH_AES_128_GCM_SHA256',
  0xa1: 'TLS_DH_RSA_WITH_AES_256_GCM_SHA384', 0xa2: 'TLS_DHE_DSS_WITH_AES_128_GCM_SHA256',
  0xa3: 'TLS_DHE_DSS_WITH_AES_256_GCM_SHA384', 0xa4: 'TLS_DH_DSS_WITH_AES_128_GCM_SHA256',
  0xa5: 'TLS_DH_DSS_WITH_AES_256_GCM_SHA384', 0xa6: 'TLS_DH_anon_WITH_AES_128_GCM_SHA256',
  0xa7: 'TLS_DH_anon_WITH_AES_256_GCM_SHA384', 0xa8: 'TLS_PSK_WITH_AES_128_GCM_SHA256',
  0xa9: 'TLS_PSK_WITH_AES_256_GCM_SHA384', 0xaa: 'TLS_DHE_PSK_WITH_AES_128_GCM_SHA256',
  0xab: 'TLS_DHE_PSK_WITH_AES_256_GCM_SHA384', 0xac: 'TLS_RSA_PSK_WITH_AES_128_GCM_SHA256',
  0xad: 'TLS_RSA_PSK_WITH_AES_256_GCM_SHA384', 0xae: 'TLS_PSK_WITH_AES_128_CBC_SHA256',
  0xaf: 'TLS_PSK_WITH_AES_256_CBC_SHA384', 0xb0: 'TLS_PSK_WITH_NULL_SHA256',
  0xb1: 'TLS_PSK_WITH_NULL_SHA384', 0xb2: 'TLS_DHE_PSK_WITH_AES_128_CBC_SHA256',
  0xb3: 'TLS_DHE_PSK_WITH_AES_256_CBC_SHA384', 0xb4: 'TLS_DHE_PSK_WITH_NULL_SHA256',
  0xb5: 'TLS_DHE_PSK_WITH_NULL_SHA384', 0xb6: 'TLS_RSA_PSK_WITH_AES_128_CBC_SHA256',
  0xb7: 'TLS_RSA_PSK_WITH_AES_256_CBC_SHA384', 0xb8: 'TLS_RSA_PSK_WITH_NULL_SHA256',
  0xb9: 'TLS_RSA_PSK_WITH_NULL_SHA384', 0xba: 'TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256',
  0xbb: 'TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA256', 0xbc: 'TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA256',
  0xbd: 'TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256', 0xbe: 'TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256',
  0xbf: 'TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256', 0xc0: 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256',
  0xc1: 'TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA256', 0xc2: 'TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA256',
  0xc3: 'TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256', 0xc4: 'TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256',
  0xc5: 'TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256', 0xc6: 'TLS_SM4_GCM_SM3', 0xc7: 'TLS_SM4_CCM_SM3',
  0xff: 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV', 0xa0a: 'Reserved (GREASE)', 0x1301: 'TLS_AES_128_GCM_SHA256',
  0x1302: 'TLS_AES_256_GCM_SHA384', 0x1303: 'TLS_CHACHA20_POLY1305_SHA256', 0x1304: 'TLS_AES_128_CCM_SHA256',
  0x1305: 'TLS_AES_128_CCM_8_SHA256', 0x1a1a: 'Reserved (GREASE)', 0x2a2a: 'Reserved (GREASE)',
  0x3a3a: 'Reserved (GREASE)', 0x4a4a: 'Reserved (GREASE)', 0x5600: 'TLS_FALLBACK_SCSV',
  0x5a5a: 'Reserved (GREASE)', 0x6a6a: 'Reserved (GREASE)', 0x7a7a: 'Reserved (GREASE)',
  0x8a8a: 'Reserved (GREASE)', 0x9a9a: 'Reserved (GREASE)', 0xaaaa: 'Reserved (GREASE)',
  0xbaba: 'Reserved (GREASE)', 0xc001: 'TLS_ECDH_ECDSA_WITH_NULL_SHA',
  0xc002: 'TLS_ECDH_ECDSA_WITH_RC4_128_SHA', 0xc003: 'TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA',
  0xc004: 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA', 0xc005: 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA',
  0xc006: 'TLS_ECDHE_ECDSA_WITH_NULL_SHA', 0xc007: 'TLS_ECDHE_ECDSA_WITH_RC4_128_SHA',
  0xc008: 'TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA', 0xc009: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  0xc00a: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 0xc00b: 'TLS_ECDH_RSA_WITH_NULL_SHA',
  0xc00c: 'TLS_ECDH_RSA_WITH_RC4_128_SHA', 0xc00d: 'TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA',
  0xc00e: 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA', 0xc00f: 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA',
  0xc010: 'TLS_ECDHE_RSA_WITH_NULL_SHA', 0xc011: 'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
  0xc012: 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', 0xc013: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  0xc014: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', 0xc015: 'TLS_ECDH_anon_WITH_NULL_SHA',
  0xc016: 'TLS_ECDH_anon_WITH_RC4_128_SHA', 0xc017: 'TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA',
  0xc018: 'TLS_ECDH_anon_WITH_AES_128_CBC_SHA', 0xc019: 'TLS_ECDH_anon_WITH_AES_256_CBC_SHA',
  0xc01a: 'TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA', 0xc01b: 'TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA',
  0xc01c: 'TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA', 0xc01d: 'TLS_SRP_SHA_WITH_AES_128_CBC_SHA',
  0xc01e: 'TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA', 0xc01f: 'TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA',
  0xc020: 'TLS_SRP_SHA_WITH_AES_256_CBC_SHA', 0xc021: 'TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA',
  0xc022: 'TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA', 0xc023: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  0xc024: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384', 0xc025: 'TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256',
  0xc026: 'TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384', 0xc027: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  0xc028: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384', 0xc029: 'TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256',
  0xc02a: 'TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384', 0xc02b: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  0xc02c: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 0xc02d: 'TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256',
  0xc02e: 'TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384', 0xc02f: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  0xc030: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 0xc031: 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256',
  0xc032: 'TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384', 0xc033: 'TLS_ECDHE_PSK_WITH_RC4_128_SHA',
  0xc034: 'TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA', 0xc035: 'TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA',
  0xc036: 'TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA', 0xc037: 'TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256',
  0xc038: 'TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384', 0xc039: 'TLS_ECDHE_PSK_WITH_NULL_SHA',
  0xc03a: 'TLS_ECDHE_PSK_WITH_NULL_SHA256', 0xc03b: 'TLS_ECDHE_PSK_WITH_NULL_SHA384',
  0xc03c: 'TLS_RSA_WITH_ARIA_128_CBC_SHA256', 0xc03d: 'TLS_RSA_WITH_ARIA_256_CBC_SHA384',
  0xc03e: 'TLS_DH_DSS_WITH_ARIA_128_CBC_SHA256', 0xc03f: 'TLS_DH_DSS_WITH_ARIA_256_CBC_SHA384',
  0xc040: 'TLS_DH_RSA_WITH_ARIA_128_CBC_SHA256', 0xc041: 'TLS_DH_RSA_WITH_ARIA_256_CBC_SHA384',
  0xc042: 'TLS_DHE_DSS_WITH_ARIA_128_CBC_SHA256', 0xc043: 'TLS_DHE_DSS_WITH_ARIA_256_CBC_SHA384',
  0xc044: 'TLS_DHE_RSA_WITH_ARIA_128_CBC_SHA256', 0xc045: 'TLS_DHE_RSA_WITH_ARIA_256_CBC_SHA384',
  0xc046: 'TLS_DH_anon_WITH_ARIA_128_CBC_SHA256', 0xc047: 'TLS_DH_anon_WITH_ARIA_256_CBC_SHA384',
  0xc048: 'TLS_ECDHE_ECDSA_WITH_ARIA_128_CBC_SHA256', 0xc049: 'TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384',
  0xc04a: 'TLS_ECDH_ECDSA_WITH_ARIA_128_CBC_SHA256', 0xc04b: 'TLS_ECDH_ECDSA_WITH_ARIA_256_CBC_SHA384',
  0xc04c: 'TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256', 0xc04d: 'TLS_ECDHE_RSA_WITH_ARIA_256_CBC_SHA384',
  0xc04e: 'TLS_ECDH_RSA_WITH_ARIA_128_CBC_SHA256', 0xc04f: 'TLS_ECDH_RSA_WITH_ARIA_256_CBC_SHA384',
  0xc050: 'TLS_RSA_WITH_ARIA_128_GCM_SHA256', 0xc051: 'TLS_RSA_WITH_ARIA_256_GCM_SHA384',
  0xc052: 'TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256', 0xc053: 'TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384',
  0xc054: 'TLS_DH_RSA_WITH_ARIA_128_GCM_SHA256', 0xc055: 'TLS_DH_RSA_WITH_ARIA_256_GCM_SHA384',
  0xc056: 'TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256', 0xc057: 'TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384',
  0xc058: 'TLS_DH_DSS_WITH_ARIA_128_GCM_SHA256', 0xc059: 'TLS_DH_DSS_WITH_ARIA_256_GCM_SHA384',
  0xc05a: 'TLS_DH_anon_WITH_ARIA_128_GCM_SHA256', 0xc05b: 'TLS_DH_anon_WITH_ARIA_256_GCM_SHA384',
  0xc05c: 'TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256', 0xc05d: 'TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384',
  0xc05e: 'TLS_ECDH_ECDSA_WITH_ARIA_128_GCM_SHA256', 0xc05f: 'TLS_ECDH_ECDSA_WITH_ARIA_256_GCM_SHA384',
  0xc060: 'TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256', 0xc061: 'TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384',
  0xc062: 'TLS_ECDH_RSA_WITH_ARIA_128_GCM_SHA256', 0xc063: 'TLS_ECDH_RSA_WITH_ARIA_256_GCM_SHA384',
  0xc064: 'TLS_PSK_WITH_ARIA_128_CBC_SHA256', 0xc065: 'TLS_PSK_WITH_ARIA_256_CBC_SHA384',
  0xc066: 'TLS_DHE_PSK_WITH_ARIA_128_CBC_SHA256', 0xc067: 'TLS_DHE_PSK_WITH_ARIA_256_CBC_SHA384',
  0xc068: 'TLS_RSA_PSK_WITH_ARIA_128_CBC_SHA256', 0xc069: 'TLS_RSA_PSK_WITH_ARIA_256_CBC_SHA384',
  0xc06a: 'TLS_PSK_WITH_ARIA_128_GCM_SHA256', 0xc06b: 'TLS_PSK_WITH_ARIA_256_GCM_SHA384',
  0xc06c: 'TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256', 0xc06d: 'TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384',
  0xc06e: 'TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256', 0xc06f: 'TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384',
  0xc070: 'TLS_ECDHE_PSK_WITH_ARIA_128_CBC_SHA256', 0xc071: 'TLS_ECDHE_PSK_WITH_ARIA_256_CBC_SHA384',
  0xc072: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256',
  0xc073: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384',
  0xc074: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_128_CBC_SHA256',
  0xc075: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_256_CBC_SHA384',
  0xc076: 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256', 0xc077: 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384',
  0xc078: 'TLS_ECDH_RSA_WITH_CAMELLIA_128_CBC_SHA256', 0xc079: 'TLS_ECDH_RSA_WITH_CAMELLIA_256_CBC_SHA384',
  0xc07a: 'TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256', 0xc07b: 'TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384',
  0xc07c: 'TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256', 0xc07d: 'TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384',
  0xc07e: 'TLS_DH_RSA_WITH_CAMELLIA_128_GCM_SHA256', 0xc07f: 'TLS_DH_RSA_WITH_CAMELLIA_256_GCM_SHA384',
  0xc080: 'TLS_DHE_DSS_WITH_CAMELLIA_128_GCM_SHA256', 0xc081: 'TLS_DHE_DSS_WITH_CAMELLIA_256_GCM_SHA384',
  0xc082: 'TLS_DH_DSS_WITH_CAMELLIA_128_GCM_SHA256', 0xc083: 'TLS_DH_DSS_WITH_CAMELLIA_256_GCM_SHA384',
  0xc084: 'TLS_DH_anon_WITH_CAMELLIA_128_GCM_SHA256', 0xc085: 'TLS_DH_anon_WITH_CAMELLIA_256_GCM_SHA384',
  0xc086: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256',
  0xc087: 'TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384',
  0xc088: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_128_GCM_SHA256',
  0xc089: 'TLS_ECDH_ECDSA_WITH_CAMELLIA_256_GCM_SHA384',
  0xc08a: 'TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256', 0xc08b: 'TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384',
  0xc08c: 'TLS_ECDH_RSA_WITH_CAMELLIA_128_GCM_SHA256', 0xc08d: 'TLS_ECDH_RSA_WITH_CAMELLIA_256_GCM_SHA384',
  0xc08e: 'TLS_PSK_WITH_CAMELLIA_128_GCM_SHA256', 0xc08f: 'TLS_PSK_WITH_CAMELLIA_256_GCM_SHA384',
  0xc090: 'TLS_DHE_PSK_WITH_CAMELLIA_128_GCM_SHA256', 0xc091: 'TLS_DHE_PSK_WITH_CAMELLIA_256_GCM_SHA384',
  0xc092: 'TLS_RSA_PSK_WITH_CAMELLIA_128_GCM_SHA256', 0xc093: 'TLS_RSA_PSK_WITH_CAMELLIA_256_GCM_SHA384',
  0xc094: 'TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256', 0xc095: 'TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384',
  0xc096: 'TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256', 0xc097: 'TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384',
  0xc098: 'TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256', 0xc099: 'TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384',
  0xc09a: 'TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256', 0xc09b: 'TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384',
  0xc09c: 'TLS_RSA_WITH_AES_128_CCM', 0xc09d: 'TLS_RSA_WITH_AES_256_CCM',
  0xc09e: 'TLS_DHE_RSA_WITH_AES_128_CCM', 0xc09f: 'TLS_DHE_RSA_WITH_AES_256_CCM',
  0xc0a0: 'TLS_RSA_WITH_AES_128_CCM_8', 0xc0a1: 'TLS_RSA_WITH_AES_256_CCM_8',
  0xc0a2: 'TLS_DHE_RSA_WITH_AES_128_CCM_8', 0xc0a3: 'TLS_DHE_RSA_WITH_AES_256_CCM_8',
  0xc0a4: 'TLS_PSK_WITH_AES_128_CCM', 0xc0a5: 'TLS_PSK_WITH_AES_256_CCM',
  0xc0a6: 'TLS_DHE_PSK_WITH_AES_128_CCM', 0xc0a7: 'TLS_DHE_PSK_WITH_AES_256_CCM',
  0xc0a8: 'TLS_PSK_WITH_AES_128_CCM_8', 0xc0a9: 'TLS_PSK_WITH_AES_256_CCM_8',
  0xc0aa: 'TLS_PSK_DHE_WITH_AES_128_CCM_8', 0xc0ab: 'TLS_PSK_DHE_WITH_AES_256_CCM_8',
  0xc0ac: 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM', 0xc0ad: 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM',
  0xc0ae: 'TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8', 0xc0af: 'TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8',
  0xc0b0: 'TLS_ECCPWD_WITH_AES_128_GCM_SHA256', 0xc0b1: 'TLS_ECCPWD_WITH_AES_256_GCM_SHA384',
  0xc0b2: 'TLS_ECCPWD_WITH_AES_128_CCM_SHA256', 0xc0b3: 'TLS_ECCPWD_WITH_AES_256_CCM_SHA384',
  0xc0b4: 'TLS_SHA256_SHA256', 0xc0b5: 'TLS_SHA384_SHA384', 0xc0ff: 'TLS_ECJPAKE_WITH_AES_128_CCM_8',
  0xc100: 'TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC', 0xc101: 'TLS_GOSTR341112_256_WITH_MAGMA_CTR_OMAC',
  0xc102: 'TLS_GOSTR341112_256_WITH_28147_CNT_IMIT', 0xc103: 'TLS_GOSTR341112_256_WITH_KUZNYECHIK_MGM_L',
  0xc104: 'TLS_GOSTR341112_256_WITH_MAGMA_MGM_L', 0xc105: 'TLS_GOSTR341112_256_WITH_KUZNYECHIK_MGM_S',
  0xc106: 'TLS_GOSTR341112_256_WITH_MAGMA_MGM_S', 0xcaca: 'Reserved (GREASE)',
  0xcc13: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  0xcc14: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  0xcc15: 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 0xcca8: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  0xcca9: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  0xccaa: 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 0xccab: 'TLS_PSK_WITH_CHACHA20_POLY1305_SHA256',
  0xccac: 'TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256', 0xccad: 'TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256',
  0xccae: 'TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256', 0xd001: 'TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256',
  0xd002: 'TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384', 0xd003: 'TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256',
  0xd005: 'TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256', 0xdada: 'Reserved (GREASE)', 0xe001: 'ECDHE_SM1_SM3',
  0xe003: 'ECC_SM1_SM3', 0xe005: 'IBSDH_SM1_SM3', 0xe007: 'IBC_SM1_SM3', 0xe009: 'RSA_SM1_SM3',
  0xe00a: 'RSA_SM1_SHA1', 0xe011: 'ECDHE_SM4_CBC_SM3', 0xe013: 'ECC_SM4_CBC_SM3',
  0xe015: 'IBSDH_SM4_CBC_SM3', 0xe017: 'IBC_SM4_CBC_SM3', 0xe019: 'RSA_SM4_CBC_SM3',
  0xe01a: 'RSA_SM4_CBC_SHA1', 0xe01c: 'RSA_SM4_CBC_SHA256', 0xe051: 'ECDHE_SM4_GCM_SM3',
  0xe053: 'ECC_SM4_GCM_SM3', 0xe055: 'IBSDH_SM4_GCM_SM3', 0xe057: 'IBC_SM4_GCM_SM3',
  0xe059: 'RSA_SM4_GCM_SM3', 0xe05a: 'RSA_SM4_GCM_SHA256', 0xe410: 'TLS_RSA_WITH_ESTREAM_SALSA20_SHA1',
  0xe411: 'TLS_RSA_WITH_SALSA20_SHA1', 0xe412: 'TLS_ECDHE_RSA_WITH_ESTREAM_SALSA20_SHA1',
  0xe413: 'TLS_ECDHE_RSA_WITH_SALSA20_SHA1', 0xe414: 'TLS_ECDHE_ECDSA_WITH_ESTREAM_SALSA20_SHA1',
  0xe415: 'TLS_ECDHE_ECDSA_WITH_SALSA20_SHA1', 0xe416: 'TLS_PSK_WITH_ESTREAM_SALSA20_SHA1',
  0xe417: 'TLS_PSK_WITH_SALSA20_SHA1', 0xe418: 'TLS_ECDHE_PSK_WITH_ESTREAM_SALSA20_SHA1',
  0xe419: 'TLS_ECDHE_PSK_WITH_SALSA20_SHA1', 0xe41a: 'TLS_RSA_PSK_WITH_ESTREAM_SALSA20_SHA1',
  0xe41b: 'TLS_RSA_PSK_WITH_SALSA20_SHA1', 0xe41c: 'TLS_DHE_PSK_WITH_ESTREAM_SALSA20_SHA1',
  0xe41d: 'TLS_DHE_PSK_WITH_SALSA20_SHA1', 0xe41e: 'TLS_DHE_RSA_WITH_ESTREAM_SALSA20_SHA1',
  0xe41f: 'TLS_DHE_RSA_WITH_SALSA20_SHA1', 0xeaea: 'Reserved (GREASE)', 0xfafa: 'Reserved (GREASE)',
  0xfefe: 'SSL_RSA_FIPS_WITH_DES_CBC_SHA', 0xfeff: 'SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA',
  0xffe0: 'SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA', 0xffe1: 'SSL_RSA_FIPS_WITH_DES_CBC_SHA',
});

/** tls.record.version (tshark -G values) */
export const VERSIONS: ValueNames = vals({
  0x2: 'SSL 2.0', 0x300: 'SSL 3.0', 0x301: 'TLS 1.0', 0x101: 'GMTLS', 0x302: 'TLS 1.1', 0x303: 'TLS 1.2',
  0x304: 'TLS 1.3', 0x7f0e: 'TLS 1.3 (draft 14)', 0x7f0f: 'TLS 1.3 (draft 15)', 0x7f10: 'TLS 1.3 (draft 16)',
  0x7f11: 'TLS 1.3 (draft 17)', 0x7f12: 'TLS 1.3 (draft 18)', 0x7f13: 'TLS 1.3 (draft 19)',
  0x7f14: 'TLS 1.3 (draft 20)', 0x7f15: 'TLS 1.3 (draft 21)', 0x7f16: 'TLS 1.3 (draft 22)',
  0x7f17: 'TLS 1.3 (draft 23)', 0x7f18: 'TLS 1.3 (draft 24)', 0x7f19: 'TLS 1.3 (draft 25)',
  0x7f1a: 'TLS 1.3 (draft 26)', 0x7f1b: 'TLS 1.3 (draft 27)', 0x7f1c: 'TLS 1.3 (draft 28)',
  0xfb17: 'TLS 1.3 (Facebook draft 23)', 0xfb1a: 'TLS 1.3 (Facebook draft 26)',
  0x100: 'DTLS 1.0 (OpenSSL pre 0.9.8f)', 0xfeff: 'DTLS 1.0', 0xfefd: 'DTLS 1.2', 0xa0a: 'Reserved (GREASE)',
  0x1a1a: 'Reserved (GREASE)', 0x2a2a: 'Reserved (GREASE)', 0x3a3a: 'Reserved (GREASE)',
  0x4a4a: 'Reserved (GREASE)', 0x5a5a: 'Reserved (GREASE)', 0x6a6a: 'Reserved (GREASE)',
  0x7a7a: 'Reserved (GREASE)', 0x8a8a: 'Reserved (GREASE)', 0x9a9a: 'Reserved (GREASE)',
  0xaaaa: 'Reserved (GREASE)', 0xbaba: 'Reserved (GREASE)', 0xcaca: 'Reserved (GREASE)',
  0xdada: 'Reserved (GREASE)', 0xeaea: 'Reserved (GREASE)', 0xfafa: 'Reserved (GREASE)',
});

/** tls.handshake.extension.type (tshark -G values) */
export const EXT_TYPES: ValueNames = vals({
  0x0: 'server_name', 0x1: 'max_fragment_length', 0x2: 'client_certificate_url', 0x3: 'trusted_ca_keys',
  0x4: 'truncated_hmac', 0x5: 'status_request', 0x6: 'user_mapping', 0x7: 'client_authz',
  0x8: 'server_authz', 0x9: 'cert_type', 0xa: 'supported_groups', 0xb: 'ec_point_formats', 0xc: 'srp',
  0xd: 'signature_algorithms', 0xe: 'use_srtp', 0xf: 'heartbeat',
  0x10: 'application_layer_protocol_negotiation', 0x11: 'status_request_v2',
  0x12: 'signed_certificate_timestamp', 0x13: 'client_certificate_type', 0x14: 'server_certificate_type',
  0x15: 'padding', 0x16: 'encrypt_then_mac', 0x17: 'extended_master_secret', 0x18: 'token_binding',
  0x19: 'cached_info', 0x1b: 'compress_certificate', 0x1c: 'record_size_limit',
  0x22: 'delegated_credentials', 0x23: 'session_ticket', 0x28: 'Reserved (key_share)',
  0x29: 'pre_shared_key', 0x2a: 'early_data', 0x2b: 'supported_versions', 0x2c: 'cookie',
  0x2d: 'psk_key_exchange_modes', 0x2e: 'Reserved (ticket_early_data_info)', 0x2f: 'certificate_authorities',
  0x30: 'oid_filters', 0x31: 'post_handshake_auth', 0x32: 'signature_algorithms_cert', 0x33: 'key_share',
  0x34: 'transparency_info', 0x35: 'connection_id (deprecated)', 0x36: 'connection_id',
  0x37: 'external_id_hash', 0x38: 'external_session_id', 0x39: 'quic_transport_parameters',
  0x3a: 'ticket_request', 0x3b: 'dnssec_chain', 0xa0a: 'Reserved (GREASE)', 0x1a1a: 'Reserved (GREASE)',
  0x2a2a: 'Reserved (GREASE)', 0x3374: 'next_protocol_negotiation', 0x3a3a: 'Reserved (GREASE)',
  0x4469: 'application_settings', 0x4a4a: 'Reserved (GREASE)', 0x5a5a: 'Reserved (GREASE)',
  0x6a6a: 'Reserved (GREASE)', 0x754f: 'channel_id_old', 0x7550: 'channel_id', 0xff01: 'renegotiation_info',
  0x7a7a: 'Reserved (GREASE)', 0x8a8a: 'Reserved (GREASE)', 0x9a9a: 'Reserved (GREASE)',
  0xaaaa: 'Reserved (GREASE)', 0xbaba: 'Reserved (GREASE)', 0xcaca: 'Reserved (GREASE)',
  0xdada: 'Reserved (GREASE)', 0xeaea: 'Reserved (GREASE)', 0xfafa: 'Reserved (GREASE)',
  0xffa5: 'quic_transport_parameters (drafts version)', 0xffce: 'encrypted_server_name',
});

/** tls.handshake.extensions_supported_group (tshark -G values) */
export const GROUPS: ValueNames = vals({
  0x1: 'sect163k1', 0x2: 'sect163r1', 0x3: 'sect163r2', 0x4: 'sect193r1', 0x5: 'sect193r2', 0x6: 'sect233k1',
  0x7: 'sect233r1', 0x8: 'sect239k1', 0x9: 'sect283k1', 0xa: 'sect283r1', 0xb: 'sect409k1', 0xc: 'sect409r1',
  0xd: 'sect571k1', 0xe: 'sect571r1', 0xf: 'secp160k1', 0x10: 'secp160r1', 0x11: 'secp160r2',
  0x12: 'secp192k1', 0x13: 'secp192r1', 0x14: 'secp224k1', 0x15: 'secp224r1', 0x16: 'secp256k1',
  0x17: 'secp256r1', 0x18: 'secp384r1', 0x19: 'secp521r1', 0x1a: 'brainpoolP256r1', 0x1b: 'brainpoolP384r1',
  0x1c: 'brainpoolP512r1', 0x1d: 'x25519', 0x1e: 'x448', 0x29: 'curveSM2', 0x100: 'ffdhe2048',
  0x101: 'ffdhe3072', 0x102: 'ffdhe4096', 0x103: 'ffdhe6144', 0x104: 'ffdhe8192', 0x200: 'frodo640aes',
  0x2f00: 'p256_frodo640aes', 0x201: 'frodo640shake', 0x2f01: 'p256_frodo640shake', 0x202: 'frodo976aes',
  0x2f02: 'p384_frodo976aes', 0x203: 'frodo976shake', 0x2f03: 'p384_frodo976shake', 0x204: 'frodo1344aes',
  0x2f04: 'p521_frodo1344aes', 0x205: 'frodo1344shake', 0x2f05: 'p521_frodo1344shake', 0x23a: 'kyber512',
  0x2f3a: 'p256_kyber512', 0x23c: 'kyber768', 0x2f3c: 'p384_kyber768', 0x23d: 'kyber1024',
  0x2f3d: 'p521_kyber1024', 0x214: 'ntru_hps2048509', 0x2f14: 'p256_ntru_hps2048509',
  0x215: 'ntru_hps2048677', 0x2f15: 'p384_ntru_hps2048677', 0x216: 'ntru_hps4096821',
  0x2f16: 'p521_ntru_hps4096821', 0x245: 'ntru_hps40961229', 0x2f45: 'p521_ntru_hps40961229',
  0x217: 'ntru_hrss701', 0x2f17: 'p384_ntru_hrss701', 0x246: 'ntru_hrss1373', 0x2f46: 'p521_ntru_hrss1373',
  0x218: 'lightsaber', 0x2f18: 'p256_lightsaber', 0x219: 'saber', 0x2f19: 'p384_saber', 0x21a: 'firesaber',
  0x2f1a: 'p521_firesaber', 0x21b: 'sidhp434', 0x2f1b: 'p256_sidhp434', 0x21c: 'sidhp503',
  0x2f1c: 'p256_sidhp503', 0x21d: 'sidhp610', 0x2f1d: 'p384_sidhp610', 0x21e: 'sidhp751',
  0x2f1e: 'p521_sidhp751', 0x21f: 'sikep434', 0x2f1f: 'p256_sikep434', 0x220: 'sikep503',
  0x2f20: 'p256_sikep503', 0x221: 'sikep610', 0x2f21: 'p384_sikep610', 0x222: 'sikep751',
  0x2f22: 'p521_sikep751', 0x238: 'bikel1', 0x2f38: 'p256_bikel1', 0x23b: 'bikel3', 0x2f3b: 'p384_bikel3',
  0x23e: 'kyber90s512', 0x2f3e: 'p256_kyber90s512', 0x23f: 'kyber90s768', 0x2f3f: 'p384_kyber90s768',
  0x240: 'kyber90s1024', 0x2f40: 'p521_kyber90s1024', 0x22c: 'hqc128', 0x2f2c: 'p256_hqc128',
  0x22d: 'hqc192', 0x2f2d: 'p384_hqc192', 0x22e: 'hqc256', 0x2f2e: 'p521_hqc256', 0x22f: 'ntrulpr653',
  0x2f2f: 'p256_ntrulpr653', 0x230: 'ntrulpr761', 0x2f43: 'p256_ntrulpr761', 0x231: 'ntrulpr857',
  0x2f31: 'p384_ntrulpr857', 0x241: 'ntrulpr1277', 0x2f41: 'p521_ntrulpr1277', 0x232: 'sntrup653',
  0x2f32: 'p256_sntrup653', 0x233: 'sntrup761', 0x2f44: 'p256_sntrup761', 0x234: 'sntrup857',
  0x2f34: 'p384_sntrup857', 0x242: 'sntrup1277', 0x2f42: 'p521_sntrup1277', 0xa0a: 'Reserved (GREASE)',
  0x1a1a: 'Reserved (GREASE)', 0x2a2a: 'Reserved (GREASE)', 0x3a3a: 'Reserved (GREASE)',
  0x4a4a: 'Reserved (GREASE)', 0x5a5a: 'Reserved (GREASE)', 0x6a6a: 'Reserved (GREASE)',
  0x7a7a: 'Reserved (GREASE)', 0x8a8a: 'Reserved (GREASE)', 0x9a9a: 'Reserved (GREASE)',
  0xaaaa: 'Reserved (GREASE)', 0xbaba: 'Reserved (GREASE)', 0xcaca: 'Reserved (GREASE)',
  0xdada: 'Reserved (GREASE)', 0xeaea: 'Reserved (GREASE)', 0xfafa: 'Reserved (GREASE)',
  0xff01: 'arbitrary_explicit_prime_curves', 0xff02: 'arbitrary_explicit_char2_curves',
});

/** tls.handshake.sig_hash_alg (tshark -G values) */
export const SIG_ALGS: ValueNames = vals({
  0x201: 'rsa_pkcs1_sha1', 0x203: 'ecdsa_sha1', 0x401: 'rsa_pkcs1_sha256', 0x403: 'ecdsa_secp256r1_sha256',
  0x501: 'rsa_pkcs1_sha384', 0x503: 'ecdsa_secp384r1_sha384', 0x601: 'rsa_pkcs1_sha512',
  0x603: 'ecdsa_secp521r1_sha512', 0x708: 'sm2sig_sm3', 0x804: 'rsa_pss_rsae_sha256',
  0x805: 'rsa_pss_rsae_sha384', 0x806: 'rsa_pss_rsae_sha512', 0x807: 'ed25519', 0x808: 'ed448',
  0x809: 'rsa_pss_pss_sha256', 0x80a: 'rsa_pss_pss_sha384', 0x80b: 'rsa_pss_pss_sha512',
  0xfea0: 'dilithium2', 0xfea1: 'p256_dilithium2', 0xfea2: 'rsa3072_dilithium2', 0xfea3: 'dilithium3',
  0xfea4: 'p384_dilithium3', 0xfea5: 'dilithium5', 0xfea6: 'p521_dilithium5', 0xfea7: 'dilithium2_aes',
  0xfea8: 'p256_dilithium2_aes', 0xfea9: 'rsa3072_dilithium2_aes', 0xfeaa: 'dilithium3_aes',
  0xfeab: 'p384_dilithium3_aes', 0xfeac: 'dilithium5_aes', 0xfead: 'p521_dilithium5_aes',
  0xfe0b: 'falcon512', 0xfe0c: 'p256_falcon512', 0xfe0d: 'rsa3072_falcon512', 0xfe0e: 'falcon1024',
  0xfe0f: 'p521_falcon1024', 0xfe96: 'picnicl1full', 0xfe97: 'p256_picnicl1full',
  0xfe98: 'rsa3072_picnicl1full', 0xfe1b: 'picnic3l1', 0xfe1c: 'p256_picnic3l1', 0xfe1d: 'rsa3072_picnic3l1',
  0xfe27: 'rainbowIclassic', 0xfe28: 'p256_rainbowIclassic', 0xfe29: 'rsa3072_rainbowIclassic',
  0xfe3c: 'rainbowVclassic', 0xfe3d: 'p521_rainbowVclassic', 0xfe42: 'sphincsharaka128frobust',
  0xfe43: 'p256_sphincsharaka128frobust', 0xfe44: 'rsa3072_sphincsharaka128frobust',
  0xfe5e: 'sphincssha256128frobust', 0xfe5f: 'p256_sphincssha256128frobust',
  0xfe60: 'rsa3072_sphincssha256128frobust', 0xfe7a: 'sphincsshake256128frobust',
  0xfe7b: 'p256_sphincsshake256128frobust', 0xfe7c: 'rsa3072_sphincsshake256128frobust',
});

/** tls.alert_message.desc (tshark -G values) */
export const ALERT_DESC: ValueNames = vals({
  0x0: 'Close Notify', 0x1: 'End of Early Data', 0xa: 'Unexpected Message', 0x14: 'Bad Record MAC',
  0x15: 'Decryption Failed', 0x16: 'Record Overflow', 0x1e: 'Decompression Failure',
  0x28: 'Handshake Failure', 0x29: 'No Certificate', 0x2a: 'Bad Certificate',
  0x2b: 'Unsupported Certificate', 0x2c: 'Certificate Revoked', 0x2d: 'Certificate Expired',
  0x2e: 'Certificate Unknown', 0x2f: 'Illegal Parameter', 0x30: 'Unknown CA', 0x31: 'Access Denied',
  0x32: 'Decode Error', 0x33: 'Decrypt Error', 0x3c: 'Export Restriction', 0x46: 'Protocol Version',
  0x47: 'Insufficient Security', 0x50: 'Internal Error', 0x56: 'Inappropriate Fallback',
  0x5a: 'User Canceled', 0x64: 'No Renegotiation', 0x6d: 'Missing Extension', 0x6e: 'Unsupported Extension',
  0x6f: 'Certificate Unobtainable', 0x70: 'Unrecognized Name', 0x71: 'Bad Certificate Status Response',
  0x72: 'Bad Certificate Hash Value', 0x73: 'Unknown PSK Identity', 0x74: 'Certificate Required',
  0x78: 'No application Protocol', 0x79: 'ECH Required',
});

/** tls.handshake.type (tshark -G values) */
export const HS_TYPES: ValueNames = vals({
  0x0: 'Hello Request', 0x1: 'Client Hello', 0x2: 'Server Hello', 0x3: 'Hello Verify Request',
  0x4: 'New Session Ticket', 0x5: 'End of Early Data', 0x6: 'Hello Retry Request',
  0x7: 'Request Certificate', 0x8: 'Encrypted Extensions', 0xb: 'Certificate', 0xc: 'Server Key Exchange',
  0xd: 'Certificate Request', 0xe: 'Server Hello Done', 0xf: 'Certificate Verify',
  0x10: 'Client Key Exchange', 0x14: 'Finished', 0x15: 'Client Certificate URL', 0x16: 'Certificate Status',
  0x17: 'Supplemental Data', 0x18: 'Key Update', 0x19: 'Compressed Certificate',
  0x43: 'Encrypted Extensions',
});

/** tls.record.content_type (tshark -G values) */
export const CONTENT_TYPES: ValueNames = vals({
  0x14: 'Change Cipher Spec', 0x15: 'Alert', 0x16: 'Handshake', 0x17: 'Application Data', 0x18: 'Heartbeat',
  0x19: 'Connection ID',
});

/** tls.handshake.sig_hash_hash (tshark -G values) */
export const SIG_HASH: ValueNames = vals({
  0x0: 'None', 0x1: 'MD5', 0x2: 'SHA1', 0x3: 'SHA224', 0x4: 'SHA256', 0x5: 'SHA384', 0x6: 'SHA512',
  0x7: 'SM3',
});

/** tls.handshake.sig_hash_sig (tshark -G values) */
export const SIG_SIG: ValueNames = vals({
  0x0: 'Anonymous', 0x1: 'RSA', 0x2: 'DSA', 0x3: 'ECDSA', 0x4: 'SM2',
});

/** tls.handshake.extensions_ec_point_format (tshark -G values) */
export const EC_POINT_FORMATS: ValueNames = vals({
  0x0: 'uncompressed', 0x1: 'ansiX962_compressed_prime', 0x2: 'ansiX962_compressed_char2',
});

/** tls.handshake.comp_method (tshark -G values) */
export const COMP_METHODS: ValueNames = vals({
  0x0: 'null', 0x1: 'DEFLATE', 0x40: 'LZS',
});

/** tls.extension.psk_ke_mode (tshark -G values) */
export const PSK_KE_MODES: ValueNames = vals({
  0x0: 'PSK-only key establishment (psk_ke)', 0x1: 'PSK with (EC)DHE key establishment (psk_dhe_ke)',
});

/** tls.alert_message.level (tshark -G values) */
export const ALERT_LEVEL: ValueNames = vals({
  0x1: 'Warning', 0x2: 'Fatal',
});

/** tls.handshake.extensions_server_name_type (tshark -G values) */
export const SNI_TYPES: ValueNames = vals({
  0x0: 'host_name',
});

/** tls.handshake.extension.heartbeat.mode (tshark -G values) */
export const HEARTBEAT_MODE: ValueNames = vals({
  0x1: 'Peer allowed to send requests', 0x2: 'Peer not allowed to send requests',
});

/** tls.handshake.extensions_status_request_type (tshark -G values) */
export const CERT_STATUS_TYPES: ValueNames = vals({
  0x1: 'OCSP', 0x2: 'OCSP Multi',
});

/** tls.compress_certificate.algorithm (tshark -G values) */
export const CERT_COMPRESS: ValueNames = vals({
  0x1: 'zlib', 0x2: 'brotli', 0x3: 'zstd',
});

/** tls.handshake.server_curve_type (tshark -G values) */
export const CURVE_TYPES: ValueNames = vals({
  0x1: 'explicit_prime', 0x2: 'explicit_char2', 0x3: 'named_curve',
});

/** tls.handshake.key_update.request_update (tshark -G values) */
export const KEY_UPDATE: ValueNames = vals({
  0x0: 'update_not_requested', 0x1: 'update_requested',
});

