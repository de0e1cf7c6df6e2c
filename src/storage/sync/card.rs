//! Face to face: the "card" each device shows the other as a QR code to open a WebRTC data
//! channel between them with no server. Of a session description only what cannot be known in
//! advance travels: the DTLS certificate's SHA-256 fingerprint, the ICE user fragment and
//! password, and the device's host addresses (no STUN or TURN is used: the same network
//! suffices). Each side rebuilds the other's description from it. About a hundred bytes, written
//! in base32, whose letters and digits a QR code holds in its compact alphanumeric mode and a
//! person can type.
//!
//! The check code both screens show is made from both fingerprints: a card swapped on the way
//! (someone else's code shown to the camera) gives different codes on the two screens.

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// What a code starts with: the app and the card's format.
const PREFIX: &str = "CME1";
/// The card's format; a newer one is refused.
const VERSION: u8 = 1;
/// At most this many addresses travel (a phone on Wi-Fi has one or two).
const MOST_CANDIDATES: usize = 4;

/// One host address of a device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    V4([u8; 4]),
    V6([u8; 16]),
    /// The name a browser gives its address so as not to show it (`<uuid>.local`, resolved
    /// only on the same network).
    Local(Uuid),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub address: Address,
    pub port: u16,
}

/// One device's card: an offer (shown first) or the answer to one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub answer: bool,
    pub fingerprint: [u8; 32],
    pub ufrag: String,
    pub pwd: String,
    pub candidates: Vec<Candidate>,
}

/// Why a code was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardError {
    NotACode,
    CutShort,
    Newer,
    /// Both devices showed their first code: one must scan the other's first.
    BothOffers,
    /// An answer was read where the first code was expected.
    NotAnOffer,
    /// The browser's description lacks what a card needs.
    Description(&'static str),
}

impl std::fmt::Display for CardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CardError::NotACode => "This is not a CME Tracker sync code.",
            CardError::CutShort => "This code is incomplete: scan it again, or copy all of it.",
            CardError::Newer => "This code comes from a newer version of CME Tracker: update this device first (reload the page when online).",
            CardError::BothOffers => "Both devices are showing their first code. On one of them, choose “Scan the other device's code” instead.",
            CardError::NotAnOffer => "This is the other device's answer: on this device choose “Show this device's code” first.",
            CardError::Description(_) => "This browser could not prepare a direct connection.",
        })
    }
}

impl Card {
    /// The card of this device's local description (`sdp`, after its addresses are gathered).
    pub fn from_sdp(sdp: &str, answer: bool) -> Result<Card, CardError> {
        let attr = |name: &str| {
            sdp.lines()
                .find_map(|l| l.trim().strip_prefix(name).map(str::trim))
        };
        let fingerprint = attr("a=fingerprint:sha-256")
            .and_then(parse_fingerprint)
            .ok_or(CardError::Description("fingerprint"))?;
        let ufrag = attr("a=ice-ufrag:").ok_or(CardError::Description("ice-ufrag"))?;
        let pwd = attr("a=ice-pwd:").ok_or(CardError::Description("ice-pwd"))?;
        let mut candidates = Vec::new();
        for line in sdp
            .lines()
            .filter_map(|l| l.trim().strip_prefix("a=candidate:"))
        {
            if let Some(c) = parse_candidate(line) {
                if !candidates.contains(&c) && candidates.len() < MOST_CANDIDATES {
                    candidates.push(c);
                }
            }
        }
        Ok(Card {
            answer,
            fingerprint,
            ufrag: ufrag.into(),
            pwd: pwd.into(),
            candidates,
        })
    }

    /// The description to set as the other device's (remote description), rebuilt from its card.
    pub fn to_sdp(&self) -> String {
        let fingerprint: Vec<String> = self
            .fingerprint
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        let mut sdp = [
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0",
            "a=msid-semantic: WMS",
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
        ]
        .map(String::from)
        .to_vec();
        sdp.push(format!("a=ice-ufrag:{}", self.ufrag));
        sdp.push(format!("a=ice-pwd:{}", self.pwd));
        sdp.push("a=ice-options:trickle".into());
        sdp.push(format!("a=fingerprint:sha-256 {}", fingerprint.join(":")));
        // The device that showed its code first lets the other choose its DTLS role.
        sdp.push(
            if self.answer {
                "a=setup:active"
            } else {
                "a=setup:actpass"
            }
            .into(),
        );
        sdp.push("a=mid:0".into());
        sdp.push("a=sctp-port:5000".into());
        sdp.push("a=max-message-size:262144".into());
        for (i, c) in self.candidates.iter().enumerate() {
            let address = match &c.address {
                Address::V4(a) => std::net::Ipv4Addr::from(*a).to_string(),
                Address::V6(a) => std::net::Ipv6Addr::from(*a).to_string(),
                Address::Local(id) => format!("{id}.local"),
            };
            let priority = 2_122_260_223u32 - i as u32;
            sdp.push(format!(
                "a=candidate:{} 1 udp {priority} {address} {} typ host",
                i + 1,
                c.port
            ));
        }
        sdp.push("a=end-of-candidates".into());
        sdp.join("\r\n") + "\r\n"
    }

    /// The card as a code: the prefix, then its bytes in base32.
    pub fn encode(&self) -> String {
        let mut bytes = vec![VERSION, u8::from(self.answer)];
        bytes.extend_from_slice(&self.fingerprint);
        for s in [&self.ufrag, &self.pwd] {
            bytes.push(s.len().min(255) as u8);
            bytes.extend_from_slice(&s.as_bytes()[..s.len().min(255)]);
        }
        bytes.push(self.candidates.len() as u8);
        for c in &self.candidates {
            match &c.address {
                Address::V4(a) => {
                    bytes.push(4);
                    bytes.extend_from_slice(a);
                }
                Address::V6(a) => {
                    bytes.push(6);
                    bytes.extend_from_slice(a);
                }
                Address::Local(id) => {
                    bytes.push(b'L');
                    bytes.extend_from_slice(id.as_bytes());
                }
            }
            bytes.extend_from_slice(&c.port.to_be_bytes());
        }
        format!("{PREFIX}{}", base32(&bytes))
    }

    /// A code read (scanned, typed or pasted: case, spaces and dashes do not matter).
    pub fn decode(code: &str) -> Result<Card, CardError> {
        let code: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        let body = code.strip_prefix(PREFIX).ok_or(CardError::NotACode)?;
        let bytes = unbase32(body).ok_or(CardError::NotACode)?;
        let mut r = Reader(&bytes);
        let version = r.byte()?;
        if version > VERSION {
            return Err(CardError::Newer);
        }
        if version != VERSION {
            return Err(CardError::NotACode);
        }
        let answer = match r.byte()? {
            0 => false,
            1 => true,
            _ => return Err(CardError::NotACode),
        };
        let fingerprint: [u8; 32] = r.take(32)?.try_into().map_err(|_| CardError::CutShort)?;
        let mut text = || -> Result<String, CardError> {
            let n = r.byte()? as usize;
            let s = String::from_utf8(r.take(n)?.to_vec()).map_err(|_| CardError::NotACode)?;
            // ICE credentials are letters, digits, '+' and '/' (RFC 8839).
            if s.is_empty()
                || !s
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
            {
                return Err(CardError::NotACode);
            }
            Ok(s)
        };
        let ufrag = text()?;
        let pwd = text()?;
        let n = r.byte()? as usize;
        if n > MOST_CANDIDATES {
            return Err(CardError::NotACode);
        }
        let mut candidates = Vec::with_capacity(n);
        for _ in 0..n {
            let address = match r.byte()? {
                4 => Address::V4(r.take(4)?.try_into().map_err(|_| CardError::CutShort)?),
                6 => Address::V6(r.take(16)?.try_into().map_err(|_| CardError::CutShort)?),
                b'L' => {
                    Address::Local(Uuid::from_slice(r.take(16)?).map_err(|_| CardError::CutShort)?)
                }
                _ => return Err(CardError::NotACode),
            };
            let port = u16::from_be_bytes(r.take(2)?.try_into().map_err(|_| CardError::CutShort)?);
            candidates.push(Candidate { address, port });
        }
        if !r.0.is_empty() {
            return Err(CardError::NotACode);
        }
        Ok(Card {
            answer,
            fingerprint,
            ufrag,
            pwd,
            candidates,
        })
    }
}

/// The short code both screens show once each has the other's card: the same on both only if
/// neither card was swapped on the way.
pub fn check_code(a: &Card, b: &Card) -> String {
    let (first, second) = if a.fingerprint <= b.fingerprint {
        (a, b)
    } else {
        (b, a)
    };
    let mut h = Sha256::new();
    h.update(b"cme-tracker check code");
    h.update(first.fingerprint);
    h.update(second.fingerprint);
    let d = h.finalize();
    let n = u32::from_be_bytes([d[0], d[1], d[2], d[3]]) % 1_000_000;
    format!("{:03} {:03}", n / 1000, n % 1000)
}

/// The code in groups of four, to read out or type.
pub fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, CardError> {
        Ok(self.take(1)?[0])
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], CardError> {
        if self.0.len() < n {
            return Err(CardError::CutShort);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
}

fn parse_fingerprint(text: &str) -> Option<[u8; 32]> {
    let bytes: Vec<u8> = text
        .split(':')
        .map(|h| u8::from_str_radix(h, 16).ok())
        .collect::<Option<_>>()?;
    bytes.try_into().ok()
}

/// One `a=candidate:` line's address, when it is a UDP host candidate of the first component
/// (the data channel needs no other).
fn parse_candidate(line: &str) -> Option<Candidate> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    let (component, protocol, address, port) =
        (parts.get(1)?, parts.get(2)?, parts.get(4)?, parts.get(5)?);
    let kind = parts
        .iter()
        .position(|p| *p == "typ")
        .and_then(|i| parts.get(i + 1))?;
    if *component != "1" || !protocol.eq_ignore_ascii_case("udp") || *kind != "host" {
        return None;
    }
    let port: u16 = port.parse().ok()?;
    let address = if let Some(id) = address.strip_suffix(".local") {
        Address::Local(Uuid::parse_str(id).ok()?)
    } else {
        match address.parse::<std::net::IpAddr>().ok()? {
            std::net::IpAddr::V4(a) => Address::V4(a.octets()),
            std::net::IpAddr::V6(a) => Address::V6(a.octets()),
        }
    };
    Some(Candidate { address, port })
}

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32 without padding: capitals and the digits 2 to 7, all in a QR code's
/// alphanumeric set.
fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

fn unbase32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}
