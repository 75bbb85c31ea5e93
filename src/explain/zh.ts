// 连接故事的中文文本（见 strings.ts）。状态名保留 RFC 的英文写法，便于对照 tcp.state.* 字段。

import type { ExplainStrings, Who } from './strings.js';

const W = { c: '客户端', s: '服务器' } as const;
const other = (w: Who): Who => (w === 'c' ? 's' : 'c');

export const zh: ExplainStrings = {
  who: (w) => W[w],
  dir: (w) => `${W[w]} → ${W[other(w)]}`,
  state: (n) => n,

  connection: (n, c, s) => `连接 ${n}（tcp.stream eq ${n}）：客户端 ${c} → 服务器 ${s}`,
  span: (a, b, n, secs) => `帧 #${a}–#${b}：共 ${n} 个报文段，历时 ${secs} 秒。`,
  openedBy: (f) => `客户端在帧 #${f} 发送 SYN 发起连接。`,
  openedSimultaneous: (f) => `双方都发送了 SYN（同时打开，帧 #${f}）；先发 SYN 的一方称为客户端。`,
  midStream: (f, port) => `抓包开始时该连接已在进行中：没有抓到 SYN，因此在抓包开始之前（帧 #${f} 之前）双方状态未知（UNKNOWN），状态由所见报文段推断；端口较大的一端（${port}）被视为客户端。`,
  noAnswerToSyn: () => '没有抓到对 SYN 的应答：服务器没有回复，或回复没有被抓到。',
  relativeNote: () => 'Seq 和 Ack 为相对值：每一方的初始序列号（ISN）记为 0。',

  secHandshake: '握手',
  secData: '数据',
  secTeardown: '关闭',
  secEnd: '结束',

  segHead: (f, w, fl, seq, ack, len) => `#${f}  ${W[w]} → ${W[other(w)]}  [${fl}]  Seq=${seq}${ack === undefined ? '' : ` Ack=${ack}`} Len=${len}`,
  statesAfter: (c, s) => `此后状态：客户端 ${c}，服务器 ${s}。`,
  synOpen: (w, isn) => `${W[w]}请求建立连接（SYN），初始序列号为 ${isn}（原始值），相对 Seq=0。`,
  synAck: (w, isn, ack, ps) => `${W[w]}接受连接（SYN, ACK），自己的初始序列号为 ${isn}（原始值），相对 Seq=0；Ack=${ack} = ${W[other(w)]}的 Seq ${ps} + 1，因为 SYN 占用一个序列号：期望的下一个字节是 ${ack}。`,
  handshakeAck: (w, ack, ps) => `${W[w]}确认${W[other(w)]}的 SYN：Ack=${ack} = 其 Seq ${ps} + 1（SYN 计为一个序列号）。三次握手完成。`,
  handshakeAckData: (len) => `这第三个报文段已经携带了 ${len} 字节数据。`,
  simultaneousOpen: (w) => `${W[w]}在应答对方之前发出了自己的 SYN：同时打开（双方都进入 SYN_RECEIVED）。`,
  winSyn: (win) => `Win=${win}（SYN 中的窗口从不缩放）。`,
  winScaled: (win, m, calc) => `Win=${win} × ${m} = ${calc} 字节（计算窗口：window_size_value × 乘数）。`,
  winUnscaled: (win) => `Win=${win} 字节（该连接未使用窗口缩放）。`,
  winUnknownScale: (win) => `Win=${win}（缩放因子未知：没有抓到握手）。`,
  mss: (v) => `MSS=${v}：它愿意接收的最大报文段`,
  ws: (sh, m) => `WS：移位 ${sh}，之后的窗口乘以 2^${sh} = ${m}`,
  sackPerm: () => '允许 SACK',
  scalingOn: (cm, sm) => `双方都发送了窗口缩放选项，因此握手之后的窗口要乘以缩放因子：客户端 × ${cm}，服务器 × ${sm}。`,
  scalingOff: () => '只有一方（或双方都没有）发送窗口缩放选项，因此窗口不缩放。',
  data: (w, seq, len, next) => `${W[w]}发送 ${len} 字节：Seq ${seq} + Len ${len} = 下一个 Seq ${next}。`,
  acks: (w, a, b, fr) => `Ack=${b + 1} 确认了${W[w]}的第 ${a}–${b} 字节${fr ? `（帧 #${fr} 的报文段）` : ''}。`,
  acksSynFin: (w, ack, what) => `Ack=${ack} 确认了${W[w]}的 ${what}（它计为一个序列号）。`,
  ackNothingNew: (ack) => `Ack=${ack}：没有新的数据需要确认。`,
  fin: (w, seq, next) => `${W[w]}关闭自己的发送方向（FIN）。FIN 占用一个序列号：Seq ${seq} + 1 = ${next}，所以对这个 FIN 的确认带有 Ack=${next}。`,
  finAgain: (w) => `${W[w]}再次发送 FIN：第一次 FIN 的确认还没有到达。`,
  finAckMerged: (w, ack) => `FIN 与 ACK 合并：${W[w]}确认对方的 FIN（Ack=${ack}），并在同一个报文段中发出自己的 FIN（三次挥手）。`,
  finAcked: (w, ack, fs) => `${W[w]}确认 FIN：Ack=${ack} = FIN 的 Seq ${fs} + 1。`,
  simultaneousClose: (w) => `这个 FIN 与对方的 FIN 交叉（其 Ack 没有覆盖对方的 FIN）：同时关闭；${W[w]}和对方都在 CLOSING 中等待自己 FIN 的确认。`,
  rst: (w) => `${W[w]}中止连接（RST）：双方立即进入 CLOSED，没有 TIME_WAIT。`,
  rstRefused: (w, port) => `${W[w]}拒绝连接（用 RST 回应 SYN）：端口 ${port} 上没有程序接受连接。`,
  halfOpen: (w) => `${W[w]}在 RST 之后仍在发送：RST 没有到达它（半开连接）。`,

  run: (a, b, n) => `#${a}–#${b}：${n} 个普通报文段（无特殊标志，状态不变）：`,
  runSent: (w, segs, bytes, from, next) => `${W[w]}用 ${segs} 个报文段发送了 ${bytes} 字节：Seq ${from} → 下一个 Seq ${next}`,
  runAcked: (w, n, upTo) => `${W[w]}发送了 ${n} 个 ACK，确认到 Ack=${upTo}`,

  retransmission: (next) => `重传：它携带的数据（或 SYN/FIN）低于期望的下一个序列号 ${next}，这些字节之前已经发送过。`,
  fastRetransmission: () => '快速重传：紧跟在两个或更多重复 ACK 之后，重新发送它们所请求的报文段。',
  spuriousRetransmission: () => '虚假重传：它的每个字节都已经被接收方确认过。',
  outOfOrder: () => '乱序：它低于期望的下一个序列号，但在设定该序列号的报文段之后一个往返时间（或 3 毫秒）内到达：是次序颠倒而不是重发。',
  lostSegment: (next) => `前一个报文段未抓到：其 Seq 高于期望的下一个序列号 ${next}，中间的字节丢失或未被抓到。`,
  ackLostSegment: () => '确认了未见的报文段：其 Ack 覆盖了抓包中从未见到对方发送的字节。',
  dupAck: (n, f) => `重复 ACK：帧 #${f} 的第 ${n} 个重复：没有数据，Ack 和窗口与之前相同，且仍有未确认数据；接收方在再次请求同一个字节。`,
  zeroWindow: () => '零窗口：接收方通告窗口为 0，其缓冲区已满；发送方必须停止发送。',
  zeroWindowProbe: () => '零窗口探测：向零窗口发送位于期望序列号处的一个字节，看窗口是否已打开。',
  zeroWindowProbeAck: () => '对零窗口探测的确认：窗口仍为 0。',
  windowFull: () => '窗口已满：这个报文段填满了接收方通告的窗口；发送方必须等待确认。',
  windowUpdate: () => '窗口更新：没有数据，Seq 和 Ack 不变，只有窗口变化。',
  keepAlive: () => '保活：在期望序列号 − 1 处发送 0 或 1 字节，以检查对方是否仍在。',
  keepAliveAck: () => '对保活的确认：Seq、Ack 和窗口与之前相同。',
  reusedPorts: () => '端口复用：在与本抓包中较早连接相同的地址和端口上出现了新的 SYN。',

  timeWait: (w) => `${W[w]}处于 TIME_WAIT：在进入 CLOSED 之前等待 2×MSL（两倍最大报文段生存时间：按 RFC 9293 的 MSL 2 分钟为 4 分钟，Linux 上为 60 秒），让该连接的迟到报文段消失，并在最后的 ACK 丢失时能够重发。`,
  finalStates: (c, s) => `抓包结束时：客户端 ${c}，服务器 ${s}。`,
  stillOpen: () => '抓包结束时连接仍然打开。',
};
