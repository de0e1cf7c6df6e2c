//! One code per enum: its serde name. Selects, filters, CSV columns and backups all use it, so
//! there is no second table of codes to keep in step with the first.
//!
//! The code is read from the enum's own `Serialize` implementation by a serializer that only
//! accepts unit variants and returns the variant's (renamed) name: no allocation, no table.

use serde::ser::{Impossible, Serialize, Serializer};
use std::fmt;

/// An enum whose every value has a code (its serde name) and that lists its values.
pub trait Coded: Serialize + Copy + PartialEq + 'static {
    /// Every value, in the order a list or select shows them.
    const ALL: &'static [Self];

    /// The serde name of this value ("live_in_person").
    fn code(self) -> &'static str {
        self.serialize(CodeOf).unwrap_or("")
    }

    /// The value with this code, if any.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

/// Why a value has no code (it is not a unit variant): never for the enums here, which a test
/// checks.
#[derive(Debug)]
pub struct NotAUnitVariant;

impl fmt::Display for NotAUnitVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAUnitVariant {}

impl serde::ser::Error for NotAUnitVariant {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotAUnitVariant
    }
}

struct CodeOf;

macro_rules! refuse {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<&'static str, NotAUnitVariant> { Err(NotAUnitVariant) })*
    };
}

impl Serializer for CodeOf {
    type Ok = &'static str;
    type Error = NotAUnitVariant;
    type SerializeSeq = Impossible<&'static str, NotAUnitVariant>;
    type SerializeTuple = Impossible<&'static str, NotAUnitVariant>;
    type SerializeTupleStruct = Impossible<&'static str, NotAUnitVariant>;
    type SerializeTupleVariant = Impossible<&'static str, NotAUnitVariant>;
    type SerializeMap = Impossible<&'static str, NotAUnitVariant>;
    type SerializeStruct = Impossible<&'static str, NotAUnitVariant>;
    type SerializeStructVariant = Impossible<&'static str, NotAUnitVariant>;

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<&'static str, NotAUnitVariant> {
        Ok(variant)
    }

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<&'static str, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
}

use super::activity::{Accreditor, ActivityStatus, Format};
use super::credential::{CredentialKind, ExemptionKind};
use super::draft::{RecurrenceChoice, RuleKindChoice};

impl Coded for Accreditor {
    const ALL: &'static [Self] = &Accreditor::ALL;
}
impl Coded for Format {
    const ALL: &'static [Self] = &Format::ALL;
}
impl Coded for ActivityStatus {
    const ALL: &'static [Self] = &[ActivityStatus::Completed, ActivityStatus::Planned];
}
impl Coded for CredentialKind {
    const ALL: &'static [Self] = &CredentialKind::ALL;
}
impl Coded for ExemptionKind {
    const ALL: &'static [Self] = &[ExemptionKind::Exempt, ExemptionKind::DeemedMet];
}
impl Coded for super::credential::RenewalAnswer {
    const ALL: &'static [Self] = &super::credential::RenewalAnswer::ALL;
}
impl Coded for RuleKindChoice {
    const ALL: &'static [Self] = &RuleKindChoice::ALL;
}
impl Coded for RecurrenceChoice {
    const ALL: &'static [Self] = &RecurrenceChoice::ALL;
}
impl Coded for super::spreadsheet::Target {
    const ALL: &'static [Self] = &super::spreadsheet::Target::ALL;
}
impl Coded for super::spreadsheet::DateOrder {
    const ALL: &'static [Self] = &super::spreadsheet::DateOrder::ALL;
}
impl Coded for super::learning::NeedSource {
    const ALL: &'static [Self] = &super::learning::NeedSource::ALL;
}
impl Coded for super::learning::GoalStatus {
    const ALL: &'static [Self] = &super::learning::GoalStatus::ALL;
}
impl Coded for super::learning::Changed {
    const ALL: &'static [Self] = &super::learning::Changed::ALL;
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;

    /// Every value's code is its serde name, codes are unique, and each reads back.
    fn check<T: Coded + DeserializeOwned + fmt::Debug>() {
        let mut seen = std::collections::HashSet::new();
        for v in T::ALL {
            let code = v.code();
            assert!(!code.is_empty(), "{v:?}");
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(code));
            assert_eq!(
                serde_json::from_value::<T>(serde_json::json!(code)).unwrap(),
                *v
            );
            assert_eq!(T::from_code(code), Some(*v));
            assert!(seen.insert(code), "{code} twice");
        }
        assert_eq!(T::from_code("no such code"), None);
    }

    #[test]
    fn every_code_is_the_serde_name() {
        check::<Accreditor>();
        check::<Format>();
        check::<ActivityStatus>();
        check::<CredentialKind>();
        check::<ExemptionKind>();
        check::<RuleKindChoice>();
        check::<RecurrenceChoice>();
        check::<super::super::spreadsheet::Target>();
        check::<super::super::spreadsheet::DateOrder>();
        check::<super::super::learning::NeedSource>();
        check::<super::super::learning::GoalStatus>();
        check::<super::super::learning::Changed>();
        check::<super::super::credential::RenewalAnswer>();
        assert_eq!(Format::LiveInPerson.code(), "live_in_person");
        assert_eq!(RuleKindChoice::CategoryMin.code(), "category_min");
    }
}
