//! Throughput of the whole pipeline, of document parsing, of each pass, and the cost of
//! loading the default gazetteers.
//!
//! ```sh
//! cargo bench -p gazette-benches --bench throughput
//! ```
//!
//! The corpus is generated (deterministically) from the names in `gazetteers/people.tsv` and
//! `gazetteers/places.tsv`: ~4 MB of article-like text with titles, meetings, quotes and
//! attributions, as ~3 KB articles and as one long document. After the criterion groups the
//! bench prints a table of MB/s per pass (from `Extractor::pass_timings`) and the time of a
//! 1 MB and a 10 MB single document (the ratio should be near 10: no pass may be quadratic).
//! Set `GAZETTE_BENCH_QUICK=1` to skip the criterion groups and print only the tables.

mod common;

use common::{articles, long_article, mb_per_s, Names};
use criterion::{criterion_group, BatchSize, Criterion, Throughput};
use gazette::{Document, Extractor};
use std::hint::black_box;
use std::time::{Duration, Instant};

const CORPUS_BYTES: usize = 4_000_000;

/// Size of the single-document benchmarks, in MB (`GAZETTE_BENCH_ONE_DOC_MB`, default 4,
/// the size of the article corpus). Before commit e3a3cc4 ("Linear time") the names,
/// resolve and meetings passes were superlinear and 4 MB took ~10 s per iteration.
fn one_doc_bytes() -> usize {
    std::env::var("GAZETTE_BENCH_ONE_DOC_MB")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .map_or(CORPUS_BYTES, |mb| (mb * 1e6) as usize)
}

struct Corpus {
    articles: Vec<String>,
    docs: Vec<Document>,
    one: String,
    one_doc: Document,
    bytes: usize,
}

fn corpus() -> Corpus {
    let names = Names::load();
    let articles = articles(6, &names, CORPUS_BYTES);
    let docs: Vec<Document> = articles
        .iter()
        .map(|a| Document::parse(a.as_str()))
        .collect();
    let bytes = articles.iter().map(String::len).sum();
    let one = long_article(7, &names, one_doc_bytes());
    let one_doc = Document::parse(one.as_str());
    Corpus {
        articles,
        docs,
        one,
        one_doc,
        bytes,
    }
}

fn pipeline(c: &mut Criterion) {
    let corpus = corpus();
    let ex = Extractor::new().expect("default gazetteers");
    eprintln!(
        "corpus: {} articles, {:.2} MB; one document of {:.2} MB",
        corpus.docs.len(),
        corpus.bytes as f64 / 1e6,
        corpus.one.len() as f64 / 1e6
    );

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));

    // The slow benchmarks take ~0.2-1 s per iteration: flat sampling, ten samples.
    g.sampling_mode(criterion::SamplingMode::Flat);
    g.throughput(Throughput::Bytes(corpus.one.len() as u64));
    g.bench_function("extract/one_document", |b| {
        b.iter(|| black_box(ex.extract(&corpus.one_doc)))
    });
    g.bench_function("parse+extract/one_document", |b| {
        b.iter(|| black_box(ex.extract(&Document::parse(corpus.one.as_str()))))
    });

    g.throughput(Throughput::Bytes(corpus.bytes as u64));
    g.bench_function("extract/3kb_articles/1_thread", |b| {
        b.iter(|| {
            for d in &corpus.docs {
                black_box(ex.extract(d));
            }
        })
    });
    g.bench_function("extract_many/3kb_articles/all_cores", |b| {
        b.iter(|| black_box(ex.extract_many(&corpus.docs)))
    });
    g.bench_function("document_parse/3kb_articles", |b| {
        b.iter(|| {
            for a in &corpus.articles {
                black_box(Document::parse(a.as_str()));
            }
        })
    });
    g.bench_function("document_parse/one_document", |b| {
        // The copy into the document's own String is part of parse; clone outside the timing.
        b.iter_batched(
            || corpus.one.clone(),
            |s| black_box(Document::parse(s)),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("gazetteer");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g.bench_function("load_default/Extractor::new", |b| {
        b.iter(|| black_box(Extractor::new().expect("default gazetteers")))
    });
    g.finish();
}

criterion_group!(benches, pipeline, load);

const PASSES: [&str; 6] = [
    "document",
    "gazetteer",
    "names",
    "resolve",
    "quotes",
    "meetings",
];

/// Sums `pass_timings` over the texts; the best of `rounds` totals per pass.
fn pass_totals(ex: &Extractor, texts: &[&str], rounds: usize) -> Vec<Duration> {
    let mut best = vec![Duration::MAX; PASSES.len()];
    for _ in 0..rounds {
        let mut total = vec![Duration::ZERO; PASSES.len()];
        for t in texts {
            for (i, (name, d)) in ex.pass_timings(t).into_iter().enumerate() {
                assert_eq!(name, PASSES[i], "pass order changed");
                total[i] += d;
            }
        }
        for (b, t) in best.iter_mut().zip(total) {
            *b = (*b).min(t);
        }
    }
    best
}

fn print_passes(title: &str, bytes: usize, totals: &[Duration]) {
    println!("\n{title} ({:.2} MB)", bytes as f64 / 1e6);
    println!("{:<10} {:>10} {:>10} {:>7}", "pass", "ms", "MB/s", "share");
    let sum: Duration = totals.iter().sum();
    for (name, d) in PASSES.iter().zip(totals) {
        println!(
            "{:<10} {:>10.1} {:>10.1} {:>6.1}%",
            name,
            d.as_secs_f64() * 1e3,
            mb_per_s(bytes, *d),
            100.0 * d.as_secs_f64() / sum.as_secs_f64()
        );
    }
    println!(
        "{:<10} {:>10.1} {:>10.1}",
        "all",
        sum.as_secs_f64() * 1e3,
        mb_per_s(bytes, sum)
    );
}

/// Per-pass MB/s over the 3 KB articles and over the one long document.
fn per_pass(ex: &Extractor, corpus: &Corpus) {
    let texts: Vec<&str> = corpus.articles.iter().map(String::as_str).collect();
    let totals = pass_totals(ex, &texts, 3);
    print_passes("per pass, 3 KB articles, 1 thread", corpus.bytes, &totals);
    let totals = pass_totals(ex, &[corpus.one.as_str()], 3);
    print_passes(
        "per pass, one document, 1 thread",
        corpus.one.len(),
        &totals,
    );
}

/// A 1 MB and a 10 MB single document through `extract`, and per pass.
fn linearity(ex: &Extractor) {
    let names = Names::load();
    println!("\nlinearity: one document of 1 MB (best of 3) and of 10 MB (once), parse + extract,\n summed pass_timings");
    let mut rows = Vec::new();
    for mb in [1usize, 10] {
        let text = long_article(11, &names, mb * 1_000_000);
        // Time the 10 MB document once: a superlinear pass would make it take minutes.
        let rounds = if mb == 1 { 3 } else { 1 };
        // pass_timings runs parse + the whole pipeline; its sum is the document's time.
        let passes = pass_totals(ex, &[text.as_str()], rounds);
        let best: Duration = passes.iter().sum();
        println!(
            "{:>3} MB: {:>8.1} ms  {:>6.1} MB/s",
            mb,
            best.as_secs_f64() * 1e3,
            mb_per_s(text.len(), best)
        );
        rows.push((text.len(), best, passes));
    }
    let (small, big) = (&rows[0], &rows[1]);
    let size_ratio = big.0 as f64 / small.0 as f64;
    println!(
        "time ratio 10 MB / 1 MB: {:.2} (size ratio {:.2})",
        big.1.as_secs_f64() / small.1.as_secs_f64(),
        size_ratio
    );
    println!(
        "{:<10} {:>10} {:>10} {:>7}",
        "pass", "1 MB ms", "10 MB ms", "ratio"
    );
    for (i, name) in PASSES.iter().enumerate() {
        let (a, b) = (small.2[i].as_secs_f64(), big.2[i].as_secs_f64());
        println!(
            "{:<10} {:>10.2} {:>10.2} {:>7.2}",
            name,
            a * 1e3,
            b * 1e3,
            b / a.max(1e-9)
        );
    }
}

fn main() {
    let quick = std::env::var_os("GAZETTE_BENCH_QUICK").is_some();
    // `cargo test --benches` runs bench targets with `--test`-like flags: keep that quick.
    let testing = std::env::args().any(|a| a == "--test" || a == "--list");
    if !quick {
        benches();
        criterion::Criterion::default()
            .configure_from_args()
            .final_summary();
    }
    if testing {
        return;
    }
    let t = Instant::now();
    let ex = Extractor::new().expect("default gazetteers");
    println!(
        "\ndefault gazetteer: Extractor::new() {:.1} ms, {} entries, {} patterns",
        t.elapsed().as_secs_f64() * 1e3,
        ex.gazetteer_len(),
        ex.pattern_count()
    );
    let corpus = corpus();
    per_pass(&ex, &corpus);
    if std::env::var_os("GAZETTE_BENCH_NO_10MB").is_none() {
        linearity(&ex);
    }
}
