//! The activities as the engine reads them: sorted once by (end date, id), with credit type and
//! topic codes turned into small integers.
//!
//! Why: evaluating 12 credentials means about 100 rules, each reading every activity of its
//! window (a once-ever rule reads a whole career). Comparing code strings there was most of the
//! time; here every code is compared once, when the index is built, and the rules compare
//! integers. The index holds no reference to the records (only their ids and what it read), so
//! the app keeps it between evaluations: adding one activity inserts it (`insert`) instead of
//! building the index again, and a change of credentials alone reuses it as it is.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::domain::model::activity::{Activity, Format};
use crate::domain::model::credits::{Amount, CreditTypeId};
use crate::domain::model::topics::TopicId;
use crate::domain::model::vocab;

/// A credit type code as an index into [`ActivityIndex::credit_type`].
pub type TypeIdx = u16;
/// A topic code as an index into the index's topic table.
pub type TopicIdx = u32;

/// One credit designation of an activity, ready to count.
#[derive(Debug, Clone, Copy)]
pub struct Designation {
    pub credit_type: TypeIdx,
    /// Position in `Activity::credits` (what a contribution records).
    pub position: usize,
    /// The amount in hours: CEUs and other units already converted (1 CEU = 10 h).
    pub hours: Amount,
}

/// Per activity, in sorted order.
#[derive(Debug, Clone)]
struct Row {
    designations: Range<u32>,
    topics: Range<u32>,
    /// Bit `t` set when the activity has topic `t`, for the first 64 topics (real data has
    /// fewer); later topics are found in `topics`.
    topic_mask: u64,
    format: Format,
    completed: bool,
    /// Whether some topic took only part of the activity (`Activity::topic_hours`).
    partial: bool,
    /// The activity's length in hours: its largest designation, converted.
    hours: Amount,
}

/// Codes to small integers. Few distinct codes appear in real data (a handful of credit types,
/// a few dozen topics), so a scan of the short list beats hashing; a map takes over for long lists.
/// It keeps a shared copy of each code (a pointer, not the text).
#[derive(Clone)]
struct Interner {
    codes: Vec<std::sync::Arc<str>>,
    map: HashMap<std::sync::Arc<str>, u32>,
}

impl Interner {
    const SCAN: usize = 24;

    fn new() -> Interner {
        Interner {
            codes: Vec::new(),
            map: HashMap::new(),
        }
    }

    fn get(&self, code: &str) -> Option<u32> {
        if self.codes.len() > Self::SCAN {
            return self.map.get(code).copied();
        }
        // Loaded records share one copy of each code (storage::compact::from_stored): the same
        // address and length is the same code, without reading it.
        let shared = self
            .codes
            .iter()
            .position(|c| c.as_ptr() == code.as_ptr() && c.len() == code.len());
        // Otherwise compare text. Codes of one family differ mostly at the end ("…CAT1",
        // "…CAT2"): comparing the length and last byte first skips most full comparisons (a
        // byte loop in wasm).
        let last = code.as_bytes().last();
        shared
            .or_else(|| {
                self.codes.iter().position(|c| {
                    c.len() == code.len() && c.as_bytes().last() == last && **c == *code
                })
            })
            .map(|i| i as u32)
    }

    fn intern(&mut self, code: &std::sync::Arc<str>) -> u32 {
        if let Some(i) = self.get(code) {
            return i;
        }
        let i = self.codes.len() as u32;
        self.codes.push(code.clone());
        if self.codes.len() == Self::SCAN + 1 {
            self.map = self
                .codes
                .iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), i as u32))
                .collect();
        } else if self.codes.len() > Self::SCAN {
            self.map.insert(code.clone(), i);
        }
        i
    }
}

/// Activities sorted once by (end date, id), so that every window is a contiguous range and the
/// result is independent of the order the records are stored in.
#[derive(Clone)]
pub struct ActivityIndex {
    ids: Vec<Uuid>,
    /// End dates as day numbers (see [`day_number`]), for the window searches.
    ends: Vec<u32>,
    rows: Vec<Row>,
    designations: Vec<Designation>,
    topics: Vec<TopicIdx>,
    topic_hours: Vec<Amount>,
    /// Per topic, the positions of the activities that have it, ascending: a topic rule reads
    /// only those, not every activity of its window (a once-ever rule's window is a career).
    postings: Vec<Vec<u32>>,
    credit_types: Vec<CreditTypeId>,
    /// Beside `credit_types`: hours per unit, in percent (unit conversion depends only on the
    /// type, so it is looked up once per distinct type).
    percent: Vec<u32>,
    type_codes: Interner,
    topic_codes: Interner,
}

impl ActivityIndex {
    /// `activities` are the records themselves or shared pointers to them (the app's).
    pub fn new<A: Borrow<Activity>>(activities: &[A]) -> ActivityIndex {
        // First pass in storage order, which is also roughly the order the records sit in
        // memory: reading them in date order instead costs a cache miss per record.
        let n = activities.len();
        let mut index = ActivityIndex {
            ids: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            rows: Vec::with_capacity(n),
            designations: Vec::with_capacity(n * 2),
            topics: Vec::new(),
            topic_hours: Vec::new(),
            postings: Vec::new(),
            credit_types: Vec::new(),
            percent: Vec::new(),
            type_codes: Interner::new(),
            topic_codes: Interner::new(),
        };
        let mut rows: Vec<Row> = Vec::with_capacity(n);
        let mut ids: Vec<u128> = Vec::with_capacity(n);
        // Sorting plain integers: end date (as an unsigned day number), the id's first 32 bits,
        // then the storage position. That is (end date, id) order except where two activities
        // share both the day and the id's first 32 bits (rare): those are put in id order below.
        let mut keys: Vec<u128> = Vec::with_capacity(n);
        for (i, a) in activities.iter().map(Borrow::borrow).enumerate() {
            rows.push(index.read(a));
            let id = a.id.as_u128();
            ids.push(id);
            keys.push((day_number(a.end) as u128) << 96 | (id >> 96) << 64 | (i as u128) << 32);
        }
        keys.sort_unstable();
        let position = |k: u128| ((k >> 32) & 0xffff_ffff) as usize;
        let mut s = 0;
        while s < n {
            let head = keys[s] >> 64;
            let mut e = s + 1;
            while e < n && keys[e] >> 64 == head {
                e += 1;
            }
            if e - s > 1 {
                keys[s..e].sort_unstable_by_key(|k| ids[position(*k)]);
            }
            s = e;
        }
        // Second pass in date order over the compact rows; they keep pointing into the
        // designation and topic arrays built in storage order.
        index.postings = vec![Vec::new(); index.topic_codes.codes.len()];
        for (pos, k) in keys.iter().enumerate() {
            let i = position(*k);
            let row = &rows[i];
            index.ids.push(Uuid::from_u128(ids[i]));
            index.ends.push((*k >> 96) as u32);
            for &t in &index.topics[row.topics.start as usize..row.topics.end as usize] {
                let posting = &mut index.postings[t as usize];
                // A topic listed twice on one record is still one activity.
                if posting.last() != Some(&(pos as u32)) {
                    posting.push(pos as u32);
                }
            }
            index.rows.push(row.clone());
        }
        index
    }

    /// Reads one activity's designations and topics into the tables (codes interned), and
    /// returns its row, which points into them.
    fn read(&mut self, a: &Activity) -> Row {
        let d0 = self.designations.len() as u32;
        for (position, d) in a.credits.iter().enumerate() {
            let t = self.type_codes.intern(&d.credit_type.0);
            if t as usize == self.credit_types.len() {
                self.credit_types.push(d.credit_type.clone());
                self.percent.push(vocab::hours_percent(&d.credit_type));
            }
            let p = self.percent[t as usize];
            self.designations.push(Designation {
                credit_type: t as TypeIdx,
                position,
                hours: if p == 100 {
                    d.amount
                } else {
                    d.amount.scale_percent(p)
                },
            });
        }
        // What hours per topic are a share of (points are not hours).
        let hours = a.share_base();
        let t0 = self.topics.len() as u32;
        let mut topic_mask = 0u64;
        let partial = !a.topic_hours.is_empty();
        for topic in &a.topics {
            let t = self.topic_codes.intern(&topic.0);
            if t < 64 {
                topic_mask |= 1 << t;
            }
            self.topics.push(t);
            // Hours on each topic, beside `topics` (the whole activity unless it says less).
            if partial {
                self.topic_hours
                    .push(a.topic_hours.get(topic).map_or(hours, |h| (*h).min(hours)));
            } else {
                self.topic_hours.push(hours);
            }
        }
        Row {
            designations: d0..self.designations.len() as u32,
            topics: t0..self.topics.len() as u32,
            topic_mask,
            format: a.format,
            completed: a.is_completed(),
            partial,
            hours,
        }
    }

    /// Adds one activity, exactly as if the index had been built with it stored last: adding a
    /// record (the most common change) costs a search and a shift of positions, not a new index.
    pub fn insert(&mut self, a: &Activity) {
        let row = self.read(a);
        let end = day_number(a.end);
        let id = a.id.as_u128();
        // After every activity ordered before or with it by (end date, id).
        let lo = self.ends.partition_point(|d| *d < end);
        let hi = self.ends.partition_point(|d| *d <= end);
        let pos = lo + self.ids[lo..hi].partition_point(|x| x.as_u128() <= id);
        self.ids.insert(pos, a.id);
        self.ends.insert(pos, end);
        self.postings
            .resize(self.topic_codes.codes.len(), Vec::new());
        for posting in &mut self.postings {
            let k = posting.partition_point(|p| (*p as usize) < pos);
            for p in &mut posting[k..] {
                *p += 1;
            }
        }
        for k in row.topics.start as usize..row.topics.end as usize {
            let posting = &mut self.postings[self.topics[k] as usize];
            let at = posting.partition_point(|p| (*p as usize) < pos);
            // A topic listed twice on one record is still one activity.
            if posting.get(at) != Some(&(pos as u32)) {
                posting.insert(at, pos as u32);
            }
        }
        self.rows.insert(pos, row);
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Positions (in sorted order) of the activities whose end date lies in `from..=to`.
    pub fn window(&self, from: NaiveDate, to: NaiveDate) -> Range<usize> {
        let (from, to) = (day_number(from), day_number(to));
        let lo = self.ends.partition_point(|d| *d < from);
        let hi = self.ends.partition_point(|d| *d <= to);
        lo..hi.max(lo)
    }

    /// The id of activity `i`, without reaching for the record.
    #[inline(always)]
    pub fn id(&self, i: usize) -> Uuid {
        self.ids[i]
    }

    #[inline(always)]
    pub fn is_completed(&self, i: usize) -> bool {
        self.rows[i].completed
    }

    #[inline(always)]
    pub fn format(&self, i: usize) -> Format {
        self.rows[i].format
    }

    #[inline(always)]
    pub fn designations(&self, i: usize) -> &[Designation] {
        let r = &self.rows[i].designations;
        &self.designations[r.start as usize..r.end as usize]
    }

    /// Number of distinct credit types among the activities.
    pub fn type_count(&self) -> usize {
        self.credit_types.len()
    }

    #[inline(always)]
    pub fn credit_type(&self, t: TypeIdx) -> &CreditTypeId {
        &self.credit_types[t as usize]
    }

    /// The topics a rule names, as a filter over this index's activities. A group topic also
    /// passes the activities on any of its members ([`vocab::GROUPS`]).
    pub fn topic_filter(&self, topics: &[TopicId]) -> TopicFilter {
        if topics.is_empty() {
            return TopicFilter::Any;
        }
        let mut ids: Vec<TopicIdx> = topics
            .iter()
            .flat_map(|t| {
                std::iter::once(t.as_str()).chain(vocab::group_members(t.as_str()).iter().copied())
            })
            // A topic no activity has cannot match; it is simply left out.
            .filter_map(|t| self.topic_codes.get(t))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mask = ids.iter().filter(|t| **t < 64).fold(0, |m, t| m | 1 << t);
        let rest = ids.iter().copied().filter(|t| *t >= 64).collect();
        TopicFilter::Of { ids, mask, rest }
    }

    /// Whether activity `i` has one of the topics (always, for [`TopicFilter::Any`]).
    #[inline(always)]
    pub fn matches(&self, i: usize, filter: &TopicFilter) -> bool {
        match filter {
            TopicFilter::Any => true,
            TopicFilter::Of { mask, rest, .. } => {
                let row = &self.rows[i];
                row.topic_mask & mask != 0
                    || (!rest.is_empty()
                        && self.topics[row.topics.start as usize..row.topics.end as usize]
                            .iter()
                            .any(|t| rest.contains(t)))
            }
        }
    }

    /// Which part of activity `i` counts toward a rule on `include` topics (every activity that
    /// passes `include`; [`TopicFilter::Any`] for a rule without topics) that does not count the
    /// hours on `exclude` topics. Hours on the included topics, at most the activity's hours,
    /// less the hours on excluded topics: a whole activity on an excluded topic counts nothing.
    pub fn share(&self, i: usize, include: &TopicFilter, exclude: Option<&TopicFilter>) -> Share {
        let row = &self.rows[i];
        if !row.partial && exclude.is_none() {
            return Share::Whole;
        }
        let den = row.hours;
        if !den.is_positive() {
            return Share::Whole;
        }
        let range = row.topics.start as usize..row.topics.end as usize;
        let on = |filter: &TopicFilter| -> Amount {
            let mut seen: Vec<TopicIdx> = Vec::new();
            let mut sum = Amount::ZERO;
            for k in range.clone() {
                let t = self.topics[k];
                if filter.contains(t) && !seen.contains(&t) {
                    seen.push(t);
                    sum += self.topic_hours[k];
                }
            }
            sum.min(den)
        };
        let mut num = match include {
            TopicFilter::Any => den,
            f => on(f),
        };
        if let Some(ex) = exclude {
            num = num.min(den.saturating_sub(on(ex)));
        }
        if num >= den {
            Share::Whole
        } else if num.is_zero() {
            Share::Nothing
        } else {
            Share::Part { num, den }
        }
    }

    /// Positions in `window` of the activities the filter passes, ascending. With topics, only
    /// the activities on those topics are visited.
    pub fn positions(&self, window: Range<usize>, filter: &TopicFilter) -> Positions<'_> {
        let TopicFilter::Of { ids, .. } = filter else {
            return Positions::Range(window);
        };
        let within = |posting: &'_ [u32]| -> std::ops::Range<usize> {
            let lo = posting.partition_point(|p| (*p as usize) < window.start);
            let hi = posting.partition_point(|p| (*p as usize) < window.end);
            lo..hi
        };
        match ids.as_slice() {
            [] => Positions::Range(0..0),
            [one] => {
                let posting = &self.postings[*one as usize];
                Positions::Slice(posting[within(posting)].iter())
            }
            many => {
                // Several topics: merge their postings (an activity on two of them once).
                let mut merged: Vec<u32> = many
                    .iter()
                    .flat_map(|t| {
                        let posting = &self.postings[*t as usize];
                        posting[within(posting)].iter().copied()
                    })
                    .collect();
                merged.sort_unstable();
                merged.dedup();
                Positions::Owned(merged.into_iter())
            }
        }
    }
}

/// A date as an unsigned day number that orders like the date.
fn day_number(date: NaiveDate) -> u32 {
    (date.num_days_from_ce() as i64 - i32::MIN as i64) as u32
}

/// The topics a rule asks for, interned.
#[derive(Debug, Clone)]
pub enum TopicFilter {
    /// The rule names no topic: every activity passes.
    Any,
    /// An activity passes when it has one of `ids` (`mask` holds those below 64, `rest` the
    /// others).
    Of {
        ids: Vec<TopicIdx>,
        mask: u64,
        rest: Vec<TopicIdx>,
    },
}

impl TopicFilter {
    pub fn is_any(&self) -> bool {
        matches!(self, TopicFilter::Any)
    }

    fn contains(&self, t: TopicIdx) -> bool {
        match self {
            TopicFilter::Any => true,
            TopicFilter::Of { ids, .. } => ids.contains(&t),
        }
    }

    /// Whether the filter can pass no activity (its topics appear on none).
    pub fn is_empty(&self) -> bool {
        matches!(self, TopicFilter::Of { ids, .. } if ids.is_empty())
    }
}

/// The part of an activity that counts toward a rule (see [`ActivityIndex::share`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    Whole,
    /// `num` of the activity's `den` hours: each designation counts pro rata.
    Part {
        num: Amount,
        den: Amount,
    },
    /// Only hours the rule does not count.
    Nothing,
}

impl Share {
    /// The part of `amount` (a designation's amount) this share counts, rounded down to the
    /// hundredth so that a share never invents credit.
    #[inline(always)]
    pub fn of(self, amount: Amount) -> Amount {
        match self {
            Share::Whole => amount,
            Share::Part { num, den } => Amount::from_hundredths(
                (amount.hundredths() as i128 * num.hundredths() as i128 / den.hundredths() as i128)
                    as i64,
            ),
            Share::Nothing => Amount::ZERO,
        }
    }
}

/// Positions of activities in an index, ascending.
pub enum Positions<'i> {
    Range(Range<usize>),
    Slice(std::slice::Iter<'i, u32>),
    Owned(std::vec::IntoIter<u32>),
}

impl Iterator for Positions<'_> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        match self {
            Positions::Range(r) => r.next(),
            Positions::Slice(s) => s.next().map(|p| *p as usize),
            Positions::Owned(v) => v.next().map(|p| p as usize),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Positions::Range(r) => r.size_hint(),
            Positions::Slice(s) => s.size_hint(),
            Positions::Owned(v) => v.size_hint(),
        }
    }
}
