//! Scale (issue 16): the cost of a document grows linearly with its length, also when it
//! names many distinct people. Timing-based, so the checks are `#[ignore]`d and meant for a
//! release build:
//!
//! ```sh
//! cargo test --release --test scale -- --ignored --nocapture
//! ```
//!
//! Each check times the pipeline (`Extractor::pass_timings`: parsing and every pass, the
//! gazetteer load excluded) on 1 MB and on 4 MB of the same kind of text, best of a few
//! runs, and wants the 4 MB run to cost about 4 times the 1 MB one (at most 6 times:
//! quadratic growth gives 16).

use gazette::{EntityKind, Extractor};
use std::sync::OnceLock;
use std::time::Duration;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("the embedded gazetteers load"))
}

/// Given names from the default gazetteer (a spread of them, none of them rare).
const GIVEN: &[&str] = &[
    "Aaron",
    "Abigail",
    "Adam",
    "Adrian",
    "Alice",
    "Amanda",
    "Andrew",
    "Anna",
    "Barbara",
    "Benjamin",
    "Brian",
    "Carol",
    "Catherine",
    "Charles",
    "Christine",
    "Daniel",
    "David",
    "Deborah",
    "Dennis",
    "Diana",
    "Donald",
    "Dorothy",
    "Edward",
    "Elizabeth",
    "Emily",
    "Eric",
    "Frank",
    "George",
    "Gregory",
    "Hannah",
    "Helen",
    "Henry",
    "Jacob",
    "James",
    "Janet",
    "Jason",
    "Jennifer",
    "Jessica",
    "John",
    "Joseph",
    "Julia",
    "Karen",
    "Kenneth",
    "Laura",
    "Linda",
    "Margaret",
    "Maria",
    "Mark",
    "Martha",
    "Matthew",
    "Michael",
    "Nancy",
    "Nicholas",
    "Olivia",
    "Patricia",
    "Patrick",
    "Paul",
    "Rachel",
    "Rebecca",
    "Richard",
    "Robert",
    "Ruth",
    "Samuel",
    "Sarah",
    "Sharon",
    "Stephen",
    "Susan",
    "Thomas",
    "Timothy",
    "Victoria",
    "Walter",
    "William",
];

/// A surname made of four syllables: 65,536 distinct ones, none a word or a known name.
fn surname(mut i: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "vin", "der", "mar", "tel", "bro", "sun", "gal", "rin", "pes", "tov", "qua",
        "zel", "dun", "hof",
    ];
    let mut s = String::new();
    for _ in 0..4 {
        s.push_str(SYLLABLES[i % 16]);
        i /= 16;
    }
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// About `bytes` of "Given Surname met Given Surname in Tokyo. ... Surname said." paragraphs,
/// every one naming two people not named before (up to 65,536 surnames).
fn many_people(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 200);
    let mut i = 0;
    while text.len() < bytes {
        let (a, b) = (surname(i * 7 + 1), surname(i * 7 + 3));
        let (ga, gb) = (GIVEN[i % GIVEN.len()], GIVEN[(i * 3 + 5) % GIVEN.len()]);
        text.push_str(&format!(
            "{ga} {a} met {gb} {b} in Tokyo. The talks lasted two hours. \
             \"We agreed on many things,\" {a} said.\n\n"
        ));
        i += 1;
    }
    text
}

/// The pipeline's time on `text` (best of `runs`), and each pass's time in that run.
fn best_time(text: &str, runs: usize) -> (Duration, Vec<(&'static str, Duration)>) {
    (0..runs)
        .map(|_| {
            let t = extractor().pass_timings(text);
            (t.iter().map(|(_, d)| *d).sum::<Duration>(), t)
        })
        .min_by_key(|(d, _)| *d)
        .unwrap_or_default()
}

/// 1 MB and 4 MB of `make`'s text: the time ratio, after printing both runs by pass.
fn ratio(what: &str, make: impl Fn(usize) -> String) -> f64 {
    let (small, small_passes) = best_time(&make(1_000_000), 3);
    let (big, big_passes) = best_time(&make(4_000_000), 2);
    eprintln!("{what}: 1 MB {small:.2?}, 4 MB {big:.2?}");
    for ((pass, a), (_, b)) in small_passes.iter().zip(&big_passes) {
        eprintln!(
            "  {pass:<10} {:>9.1} ms {:>9.1} ms  ratio {:.1}",
            a.as_secs_f64() * 1e3,
            b.as_secs_f64() * 1e3,
            b.as_secs_f64() / a.as_secs_f64().max(1e-6)
        );
    }
    big.as_secs_f64() / small.as_secs_f64().max(1e-6)
}

#[test]
fn the_many_people_text_names_its_people() {
    let text = many_people(2_000);
    let out = extractor().extract(&gazette::Document::parse(text.as_str()));
    let people = out
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .count();
    assert!(people >= 20, "{people} people in {text}");
}

#[test]
#[ignore = "timing-based: run in release (cargo test --release --test scale -- --ignored)"]
fn many_distinct_people_cost_linear_time() {
    let r = ratio("many people", many_people);
    assert!(r < 6.0, "4 MB took {r:.1} times as long as 1 MB");
}

#[test]
#[ignore = "timing-based: run in release (cargo test --release --test scale -- --ignored)"]
fn news_costs_linear_time() {
    let articles: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
    assert!(!articles.is_empty(), "no articles in tests/data");
    let news = |bytes: usize| {
        let mut text = String::with_capacity(bytes + 20_000);
        for a in articles.iter().cycle() {
            if text.len() >= bytes {
                break;
            }
            text.push_str(a.trim());
            text.push_str("\n\n");
        }
        text
    };
    let r = ratio("news", news);
    assert!(r < 6.0, "4 MB took {r:.1} times as long as 1 MB");
}
