//! Face to face: the card each device shows as a QR code, read from a browser's session
//! description, written as a code, read back, and turned into the description the other device
//! sets. The offer below is Chromium's, as it writes a data-channel-only offer once its addresses
//! are gathered (with `iceServers: []`: host candidates only, one a `.local` name, one TCP).

use cme_tracker::storage::sync::card::{check_code, grouped, Address, Card, CardError};

const CHROMIUM_OFFER: &str = "v=0\r\n\
o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n\
s=-\r\n\
t=0 0\r\n\
a=group:BUNDLE 0\r\n\
a=extmap-allow-mixed\r\n\
a=msid-semantic: WMS\r\n\
m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n\
c=IN IP4 0.0.0.0\r\n\
a=candidate:3051396372 1 udp 2113937151 2b8f2b2e-5d4e-4d0e-9c7b-6a1f0e2d3c4b.local 54400 typ host generation 0 network-cost 999\r\n\
a=candidate:1246925460 1 udp 2113939711 192.168.1.23 61021 typ host generation 0 network-cost 999\r\n\
a=candidate:2999745851 1 tcp 1518280447 192.168.1.23 9 typ host tcptype active generation 0 network-cost 999\r\n\
a=candidate:842163049 1 udp 1677729535 203.0.113.9 61021 typ srflx raddr 192.168.1.23 rport 61021 generation 0 network-cost 999\r\n\
a=candidate:559267639 1 udp 2122262783 fe80::1c2b:3dff:fe4a:5b6c 53104 typ host generation 0 network-cost 999\r\n\
a=ice-ufrag:Qy3v\r\n\
a=ice-pwd:kFj3ohW6XcE9Gq8q8xXnZ0aP\r\n\
a=ice-options:trickle\r\n\
a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\r\n\
a=setup:actpass\r\n\
a=mid:0\r\n\
a=sctp-port:5000\r\n\
a=max-message-size:262144\r\n";

#[test]
fn a_chromium_offer_becomes_a_short_code_and_back() {
    let card = Card::from_sdp(CHROMIUM_OFFER, false).unwrap();
    assert_eq!(card.ufrag, "Qy3v");
    assert_eq!(card.pwd, "kFj3ohW6XcE9Gq8q8xXnZ0aP");
    assert_eq!(card.fingerprint[0], 0x7B);
    assert_eq!(card.fingerprint[31], 0x08);
    // UDP host candidates only: the TCP one and the server-reflexive one do not travel.
    assert_eq!(card.candidates.len(), 3);
    assert!(matches!(card.candidates[0].address, Address::Local(_)));
    assert_eq!(card.candidates[1].address, Address::V4([192, 168, 1, 23]));
    assert_eq!(card.candidates[1].port, 61021);
    assert!(matches!(card.candidates[2].address, Address::V6(_)));

    let code = card.encode();
    assert!(code.starts_with("CME1"));
    // Letters and digits a QR code holds in alphanumeric mode, and short enough to type.
    assert!(
        code.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
        "{code}"
    );
    assert!(code.len() < 200, "{} characters", code.len());
    assert_eq!(Card::decode(&code).unwrap(), card);
    // Typed in groups, in small letters, with dashes: the same card.
    let typed = grouped(&code).to_lowercase().replacen(' ', "-", 3);
    assert_eq!(Card::decode(&typed).unwrap(), card);
}

#[test]
fn the_description_rebuilt_from_a_card_says_what_the_browser_needs() {
    let card = Card::from_sdp(CHROMIUM_OFFER, false).unwrap();
    let sdp = Card::decode(&card.encode()).unwrap().to_sdp();
    for line in [
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
        "a=ice-ufrag:Qy3v",
        "a=ice-pwd:kFj3ohW6XcE9Gq8q8xXnZ0aP",
        "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08",
        "a=setup:actpass",
        "a=mid:0",
        "a=sctp-port:5000",
        "udp 2122260222 192.168.1.23 61021 typ host",
        "2b8f2b2e-5d4e-4d0e-9c7b-6a1f0e2d3c4b.local 54400 typ host",
        "fe80::1c2b:3dff:fe4a:5b6c 53104 typ host",
    ] {
        assert!(sdp.contains(line), "{line} missing from\n{sdp}");
    }
    assert!(sdp.ends_with("\r\n"));
    // An answer asks to be the DTLS client, as an answer to `actpass` must.
    let answer = Card {
        answer: true,
        ..card
    };
    assert!(answer.to_sdp().contains("a=setup:active"));
    // Read back, the rebuilt description gives the same card.
    assert_eq!(Card::from_sdp(&answer.to_sdp(), true).unwrap(), answer);
}

#[test]
fn bad_codes_are_refused_with_why() {
    let code = Card::from_sdp(CHROMIUM_OFFER, false).unwrap().encode();
    assert_eq!(
        Card::decode("https://example.org/"),
        Err(CardError::NotACode)
    );
    assert_eq!(Card::decode("CME1!!!!"), Err(CardError::NotACode));
    assert_eq!(
        Card::decode(&code[..code.len() / 2]),
        Err(CardError::CutShort)
    );
    // A newer format: the version byte, the first, raised from 1 to 2. In base32 its bits are the
    // first character and three of the second ("A", then "E" for 001+00, "I" for 010+00).
    assert_eq!(&code[4..6], "AE");
    let newer = format!("CME1AI{}", &code[6..]);
    assert_eq!(Card::decode(&newer), Err(CardError::Newer));
    // Extra characters after a whole card: not one of ours.
    assert_eq!(
        Card::decode(&format!("{code}AAAA")),
        Err(CardError::NotACode)
    );
    for e in [
        CardError::NotACode,
        CardError::CutShort,
        CardError::Newer,
        CardError::BothOffers,
    ] {
        assert!(e.to_string().ends_with('.'), "{e}");
    }
}

#[test]
fn both_screens_show_the_same_check_code_only_for_the_same_two_cards() {
    let offer = Card::from_sdp(CHROMIUM_OFFER, false).unwrap();
    let mut answer = offer.clone();
    answer.answer = true;
    answer.fingerprint[5] ^= 0x55;
    let code = check_code(&offer, &answer);
    assert_eq!(code, check_code(&answer, &offer));
    assert!(code.len() == 7 && code.as_bytes()[3] == b' ', "{code}");
    let mut swapped = answer.clone();
    swapped.fingerprint[9] ^= 1;
    assert_ne!(check_code(&offer, &swapped), code);
}

#[test]
fn a_description_without_a_fingerprint_is_not_a_card() {
    let without: String = CHROMIUM_OFFER
        .lines()
        .filter(|l| !l.starts_with("a=fingerprint"))
        .collect::<Vec<_>>()
        .join("\r\n");
    assert!(matches!(
        Card::from_sdp(&without, false),
        Err(CardError::Description(_))
    ));
}
