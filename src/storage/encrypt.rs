//! Encrypted backups: the backup file's bytes sealed with a passphrase, as a small JSON envelope
//! that names its construction — PBKDF2-HMAC-SHA-256 with 600,000 iterations (OWASP's figure for
//! PBKDF2-SHA-256) and a random 16-byte salt derives a 256-bit key; AES-256-GCM with a random
//! 12-byte nonce seals the backup (the 16-byte tag appended to the ciphertext). Every platform
//! has these built in (WebCrypto, OpenSSL, Python, Node), so a file can be opened without this
//! app: docs/backup-format.md shows how. Why not the age format: its Rust crate would add far more to
//! the worker than these two small crates, and the `age` tool would be one more program to
//! install to open a file, where Node or Python is usually at hand.
//!
//! A wrong passphrase and a changed file are both refused by the tag check (GCM cannot tell
//! them apart), and nothing is imported.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The envelope's `format` value.
pub const FORMAT: &str = "cme-tracker-encrypted-backup";
/// PBKDF2 iterations written (and the fewest read: a file asking for fewer is not ours).
pub const ITERATIONS: u32 = 600_000;

/// The count this build writes and requires: [`ITERATIONS`], except in this crate's own unit
/// tests, where a thousand keep each seal and open to milliseconds. The construction is the
/// same; `the_construction_is_the_documented_one` checks the derivation against RFC 7914's
/// vector and that the real count is the documented one.
const fn iterations() -> u32 {
    if cfg!(test) {
        1_000
    } else {
        ITERATIONS
    }
}
/// The most iterations read: a file asking for more would only make the page wait.
const MAX_ITERATIONS: u32 = 10_000_000;
/// Shortest passphrase accepted.
pub const MIN_PASSPHRASE: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Kdf {
    name: String,
    hash: String,
    iterations: u32,
    salt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Cipher {
    name: String,
    iv: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    kdf: Kdf,
    cipher: Cipher,
    /// AES-256-GCM ciphertext with its 16-byte tag at the end, base64.
    ciphertext: String,
}

/// Why a file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The passphrase does not open it, or it was changed after it was encrypted.
    WrongPassphraseOrChanged,
    /// It says it is an encrypted backup but cannot be read as one.
    Damaged(String),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::WrongPassphraseOrChanged => f.write_str(
                "This passphrase does not open the file, or the file was changed after it was encrypted.",
            ),
            OpenError::Damaged(why) => write!(f, "This encrypted backup is damaged ({why})."),
        }
    }
}

/// What is wrong with a passphrase chosen for a new encrypted backup (and its confirmation).
pub fn passphrase_problem(passphrase: &str, confirm: &str) -> Option<String> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        Some(format!(
            "Choose a passphrase of at least {MIN_PASSPHRASE} characters: a few unrelated words are easy to remember and hard to guess."
        ))
    } else if passphrase != confirm {
        Some("The two passphrases differ.".into())
    } else {
        None
    }
}

/// Whether `text` is an encrypted backup (read from its start: no need to parse it all).
pub fn is_encrypted(text: &str) -> bool {
    let head: String = text.chars().take(200).collect();
    head.trim_start().starts_with('{') && head.contains(FORMAT)
}

fn key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

/// Seals `plain` with `passphrase`, with the given salt and nonce (tests fix them).
pub fn seal_with(plain: &[u8], passphrase: &str, salt: [u8; 16], iv: [u8; 12]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let cipher = Aes256Gcm::new(&key(passphrase, &salt, iterations()).into());
    // Encrypting into memory cannot fail for a backup's size (GCM's limit is 64 GB).
    let sealed = cipher
        .encrypt(Nonce::from_slice(&iv), plain)
        .unwrap_or_default();
    let envelope = Envelope {
        format: FORMAT.into(),
        version: 1,
        kdf: Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations: iterations(),
            salt: b64.encode(salt),
        },
        cipher: Cipher {
            name: "AES-256-GCM".into(),
            iv: b64.encode(iv),
        },
        ciphertext: b64.encode(sealed),
    };
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Seals `plain` with `passphrase`, with a fresh random salt and nonce.
pub fn seal(plain: &[u8], passphrase: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    getrandom::getrandom(&mut salt)
        .and_then(|_| getrandom::getrandom(&mut iv))
        .map_err(|_| "This browser gave no random numbers to encrypt with.".to_string())?;
    Ok(seal_with(plain, passphrase, salt, iv))
}

/// Opens an encrypted backup with `passphrase`: the backup file's bytes.
pub fn open(text: &str, passphrase: &str) -> Result<Vec<u8>, OpenError> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let damaged = |why: &str| OpenError::Damaged(why.to_string());
    let e: Envelope =
        serde_json::from_str(text).map_err(|_| damaged("its envelope does not read"))?;
    if e.format != FORMAT || e.version != 1 {
        return Err(damaged("an unknown format or version"));
    }
    if e.kdf.name != "PBKDF2" || e.kdf.hash != "SHA-256" || e.cipher.name != "AES-256-GCM" {
        return Err(damaged("an unknown key derivation or cipher"));
    }
    if !(iterations()..=MAX_ITERATIONS).contains(&e.kdf.iterations) {
        return Err(damaged("an iteration count this app does not write"));
    }
    let salt = b64.decode(&e.kdf.salt).map_err(|_| damaged("its salt"))?;
    let iv = b64.decode(&e.cipher.iv).map_err(|_| damaged("its nonce"))?;
    let sealed = b64
        .decode(&e.ciphertext)
        .map_err(|_| damaged("its ciphertext"))?;
    if salt.len() < 16 || iv.len() != 12 || sealed.len() < 16 {
        return Err(damaged("a salt, nonce or ciphertext of the wrong length"));
    }
    let cipher = Aes256Gcm::new(&key(passphrase, &salt, e.kdf.iterations).into());
    cipher
        .decrypt(Nonce::from_slice(&iv), sealed.as_slice())
        .map_err(|_| OpenError::WrongPassphraseOrChanged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::build::*;
    use crate::storage::backup;
    use crate::storage::AppData;

    fn backup_text() -> String {
        let mut d = AppData::default();
        d.upsert_activity(
            activity("2025-03-01")
                .title("Ethics — “quoted”, ümlaut")
                .credit("AMA_PRA_CAT1", "2")
                .build(),
        );
        backup::export(&d, "0.1.0", chrono::Utc::now())
    }

    #[test]
    fn an_encrypted_backup_decrypts_to_the_identical_file() {
        let text = backup_text();
        let sealed = seal(text.as_bytes(), "correct horse battery staple").unwrap();
        assert!(is_encrypted(&sealed));
        assert!(!is_encrypted(&text));
        assert!(!sealed.contains("Ethics"));
        let opened = open(&sealed, "correct horse battery staple").unwrap();
        assert_eq!(opened, text.as_bytes());
        // Fresh salt and nonce each time: the same backup seals differently.
        assert_ne!(
            sealed,
            seal(text.as_bytes(), "correct horse battery staple").unwrap()
        );
    }

    #[test]
    fn a_wrong_passphrase_or_a_changed_byte_is_refused() {
        let sealed = seal_with(
            b"{\"a\":1}",
            "correct horse battery staple",
            [7; 16],
            [9; 12],
        );
        assert_eq!(
            open(&sealed, "Correct horse battery staple"),
            Err(OpenError::WrongPassphraseOrChanged)
        );
        // One byte of the ciphertext changed.
        let e: serde_json::Value = serde_json::from_str(&sealed).unwrap();
        let b64 = base64::engine::general_purpose::STANDARD;
        let mut ct = b64.decode(e["ciphertext"].as_str().unwrap()).unwrap();
        ct[0] ^= 1;
        let changed = sealed.replace(e["ciphertext"].as_str().unwrap(), &b64.encode(&ct));
        assert_eq!(
            open(&changed, "correct horse battery staple"),
            Err(OpenError::WrongPassphraseOrChanged)
        );
        let weak = sealed.replace(
            &format!("\"iterations\": {}", iterations()),
            &format!("\"iterations\": {}", iterations() - 1),
        );
        assert_ne!(weak, sealed);
        assert!(matches!(open(&weak, "x"), Err(OpenError::Damaged(_))));
        assert!(matches!(
            open("{\"format\":\"cme-tracker-encrypted-backup\"", "x"),
            Err(OpenError::Damaged(_))
        ));
    }

    #[test]
    fn the_construction_is_the_documented_one() {
        // Independent check of the key derivation against RFC 7914's PBKDF2-HMAC-SHA-256 test
        // vector (P="passwd", S="salt", c=1, dkLen=64): the first 32 bytes.
        let mut k = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"passwd", b"salt", 1, &mut k);
        assert_eq!(k[..8], [0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f]);
        let sealed = seal_with(b"hello", "a passphrase", [1; 16], [2; 12]);
        let e: serde_json::Value = serde_json::from_str(&sealed).unwrap();
        assert_eq!(ITERATIONS, 600_000, "OWASP's figure for PBKDF2-SHA-256");
        assert_eq!(e["kdf"]["iterations"], iterations());
        assert_eq!(e["kdf"]["hash"], "SHA-256");
        assert_eq!(e["cipher"]["name"], "AES-256-GCM");
        // 5 bytes of plaintext and a 16-byte tag.
        let b64 = base64::engine::general_purpose::STANDARD;
        assert_eq!(
            b64.decode(e["ciphertext"].as_str().unwrap()).unwrap().len(),
            21
        );
    }

    #[test]
    fn a_passphrase_must_be_long_enough_and_confirmed() {
        assert!(passphrase_problem("short", "short")
            .unwrap()
            .contains("at least 10"));
        assert_eq!(
            passphrase_problem("long enough words", "long enough word").as_deref(),
            Some("The two passphrases differ.")
        );
        assert_eq!(
            passphrase_problem("long enough words", "long enough words"),
            None
        );
    }
}
