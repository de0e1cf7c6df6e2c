//! The ACPE Universal Activity Number (UAN) of a pharmacy CE activity, read part by part:
//! `0798-9999-18-246-H04-P` is provider 0798, jointly provided (9999; 0000 when not), released in
//! 2018, the provider's activity 246, home study (H; L for live) on topic 04, for pharmacists (P;
//! T for pharmacy technicians). So a UAN alone says the format, the topic and the audience of an
//! activity: read when she logs one (typed, or on a certificate) and when she imports them.
//!
//! Sources (checked 2026-12-07): ACPE, "Universal Activity Numbers"
//! (https://www.acpe-accredit.org/universal-activity-numbers/: the parts, and that an activity
//! given both live and as home study has two UANs with one sequence number); the topic
//! designators 01–08 as ASHP, an ACPE-accredited provider, lists them
//! (https://elearning.ashp.org/acpe-designations). Older UANs end at the topic, without P or T.

use crate::domain::model::topics::TopicId;

/// One UAN's parts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Uan {
    /// The accredited provider's four-digit number.
    pub provider: String,
    /// Provided jointly with another organisation (`9999`), or by the provider alone (`0000`).
    pub joint: bool,
    /// The year the activity was released.
    pub year: u16,
    /// The provider's number for the activity.
    pub sequence: String,
    pub live: bool,
    /// The topic designator (1 to 99).
    pub topic: u8,
    /// For pharmacists, for pharmacy technicians; `None` on a UAN from before the suffix.
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Audience {
    Pharmacist,
    Technician,
}

/// The part of a UAN that is not as ACPE writes it, for the message beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UanError {
    /// Not six parts (five on an older UAN) joined by dashes.
    Shape,
    Provider(String),
    Joint(String),
    Year(String),
    Sequence(String),
    FormatTopic(String),
    Audience(String),
}

impl std::fmt::Display for UanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UanError::Shape => f.write_str("A UAN has six parts joined by dashes, as in 0798-9999-18-246-H04-P."),
            UanError::Provider(p) => write!(f, "The first part, the provider's number, is four digits (“{p}” is not)."),
            UanError::Joint(p) => write!(f, "The second part is 0000 (one provider) or 9999 (jointly provided), not “{p}”."),
            UanError::Year(p) => write!(f, "The third part, the year of release, is two digits (“{p}” is not)."),
            UanError::Sequence(p) => write!(f, "The fourth part, the activity's number, is three or four digits (“{p}” is not)."),
            UanError::FormatTopic(p) => write!(f, "The fifth part is L (live) or H (home study) and a two-digit topic, as in L04 (“{p}” is not)."),
            UanError::Audience(p) => write!(f, "The last part is P (pharmacists) or T (pharmacy technicians), not “{p}”."),
        }
    }
}

fn digits(part: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
}

impl Uan {
    /// A UAN as printed or typed (spaces around it and small letters are fine).
    pub fn parse(text: &str) -> Result<Uan, UanError> {
        let text = text.trim().to_ascii_uppercase();
        let parts: Vec<&str> = text.split('-').map(str::trim).collect();
        if !(5..=6).contains(&parts.len()) {
            return Err(UanError::Shape);
        }
        let (provider, joint, year, sequence, kind) =
            (parts[0], parts[1], parts[2], parts[3], parts[4]);
        if !digits(provider, 4..=4) {
            return Err(UanError::Provider(provider.into()));
        }
        let joint = match joint {
            "0000" => false,
            "9999" => true,
            other => return Err(UanError::Joint(other.into())),
        };
        if !digits(year, 2..=2) {
            return Err(UanError::Year(year.into()));
        }
        if !digits(sequence, 3..=4) {
            return Err(UanError::Sequence(sequence.into()));
        }
        let live = match kind.as_bytes().first() {
            Some(b'L') => true,
            Some(b'H') => false,
            _ => return Err(UanError::FormatTopic(kind.into())),
        };
        let topic = Some(&kind[1..])
            .filter(|t| digits(t, 2..=2))
            .and_then(|t| t.parse::<u8>().ok())
            .filter(|t| *t > 0)
            .ok_or_else(|| UanError::FormatTopic(kind.into()))?;
        let audience = match parts.get(5) {
            None => None,
            Some(&"P") => Some(Audience::Pharmacist),
            Some(&"T") => Some(Audience::Technician),
            Some(other) => return Err(UanError::Audience((*other).into())),
        };
        Ok(Uan {
            provider: provider.into(),
            joint,
            year: 2000 + year.parse::<u16>().unwrap_or(0),
            sequence: sequence.into(),
            live,
            topic,
            audience,
        })
    }

    /// The first UAN written anywhere in `text` (a certificate, a transcript's row), if any.
    pub fn find(text: &str) -> Option<Uan> {
        let upper = text.to_ascii_uppercase();
        let bytes = upper.as_bytes();
        (0..bytes.len())
            .filter(|&i| {
                bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            })
            .find_map(|i| {
                let rest = &upper[i..];
                // The longest run of digits, letters and dashes from here.
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .unwrap_or(rest.len());
                Uan::parse(rest[..end].trim_end_matches('-')).ok()
            })
    }

    /// The UAN written as ACPE writes it.
    pub fn text(&self) -> String {
        let mut s = format!(
            "{}-{}-{:02}-{}-{}{:02}",
            self.provider,
            if self.joint { "9999" } else { "0000" },
            self.year % 100,
            self.sequence,
            if self.live { 'L' } else { 'H' },
            self.topic
        );
        match self.audience {
            Some(Audience::Pharmacist) => s.push_str("-P"),
            Some(Audience::Technician) => s.push_str("-T"),
            None => {}
        }
        s
    }

    /// The topic as ACPE names it ("Patient Safety"), or its number when it is not one of the
    /// designators listed.
    pub fn topic_label(&self) -> String {
        match self.topic {
            1 => "Disease State Management/Drug Therapy".into(),
            2 => "HIV/AIDS Therapy".into(),
            3 => "Law Related to Pharmacy Practice".into(),
            4 => "General Pharmacy".into(),
            5 => "Patient Safety".into(),
            6 => "Immunizations".into(),
            7 => "Compounding".into(),
            8 => "Pain Management/Opioids".into(),
            n => format!("ACPE topic {n:02}"),
        }
    }

    /// The app's topic for the designator, where it has one (General Pharmacy is none).
    pub fn topic_id(&self) -> Option<TopicId> {
        let code = match self.topic {
            1 => "pharmacotherapeutics",
            2 => "hiv_aids",
            3 => "board_laws_rules",
            5 => "medical_errors_patient_safety",
            6 => "immunizations",
            7 => "compounding",
            8 => "pain_management_opioids",
            _ => return None,
        };
        Some(TopicId::new(code))
    }

    /// A new activity form as the UAN fills it: ACPE as accreditor, live (in person; she may
    /// say virtual) or home study (on demand), its topic, and the UAN with what it says in the
    /// notes, where an auditor or CPE Monitor's record can be matched with it.
    pub fn fill(&self, d: &mut crate::domain::draft::ActivityDraft) {
        use crate::domain::model::activity::{Accreditor, Format};
        d.accreditor = Accreditor::Acpe;
        d.format = if self.live {
            Format::LiveInPerson
        } else {
            Format::OnDemandOnline
        };
        if let Some(topic) = self.topic_id() {
            d.topics = vec![topic];
        }
        d.notes = format!("ACPE UAN {} ({}).", self.text(), self.describe());
    }

    /// What the UAN says of the activity, in one line ("Home study · Patient Safety · for
    /// pharmacists · jointly provided · released 2018").
    pub fn describe(&self) -> String {
        let mut parts = vec![
            if self.live { "Live" } else { "Home study" }.to_string(),
            self.topic_label(),
        ];
        match self.audience {
            Some(Audience::Pharmacist) => parts.push("for pharmacists".into()),
            Some(Audience::Technician) => parts.push("for pharmacy technicians".into()),
            None => {}
        }
        if self.joint {
            parts.push("jointly provided".into());
        }
        parts.push(format!("released {}", self.year));
        parts.join(" · ")
    }
}
