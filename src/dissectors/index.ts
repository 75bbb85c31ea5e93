// Registers every dissector (importing a dissector module registers its fields and table entries).
// One line per protocol file; keep the order: lower layers first.
import './data.js';
import './frame.js';
import './ethertype.js';
import './ipproto.js';
import './eth.js';
import './vlan.js';
import './ieee8021ad.js';
import './arp.js';
import './llc.js';
import './sll.js';
import './sll2.js';
import './null.js';
import './raw.js';
import './ip.js';
import './ipv6.js';
import './icmpv6.js';
import './icmp.js';
import './udp.js';
import './tcp.js';
import './dns.js';
import './mdns.js';
import './llmnr.js';
import './dhcp.js';
import './ntp.js';
import './tls.js';
