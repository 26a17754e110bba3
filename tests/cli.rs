//! Issue 15 (command): the `extract` example as a stranger uses it. Each test runs the
//! example's binary, built by `cargo test` with the other targets (or, under
//! `cargo test --test cli`, by the `cargo build --example extract` this file runs first).

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long any run may take before the test fails (debug builds on a busy machine).
const TIMEOUT: Duration = Duration::from_secs(120);

/// The example's binary, next to this test's binary: `target/<profile>/examples/extract`.
fn extract_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test binary's path");
        // target/<profile>/deps/cli-HASH
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test binary lies in target/<profile>/deps");
        let bin = profile_dir
            .join("examples")
            .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
        // Build it (a no-op when `cargo test` already did) with the same profile and
        // target directory. Without cargo at hand, use what is there.
        let profile = profile_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("debug");
        let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        cargo
            .args(["build", "--quiet", "--example", "extract"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if profile != "debug" {
            cargo.args(["--profile", profile]);
        }
        if let Some(target_dir) = profile_dir.parent() {
            cargo.env("CARGO_TARGET_DIR", target_dir);
        }
        match cargo.status() {
            Ok(s) if s.success() => {}
            Ok(s) => panic!("cargo build --example extract failed: {s}"),
            Err(e) => assert!(
                bin.exists(),
                "cannot run cargo ({e}) and {bin:?} is missing"
            ),
        }
        bin
    })
}

/// A fresh, empty folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const ARTICLE: &str =
    " date 2017-03-22 Foreign Minister Fumio Kishida met Sergei Lavrov in Tokyo on Monday.";

struct Output {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Output {
    /// The JSON records on standard output.
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    fn docs(&self) -> Vec<String> {
        self.records()
            .iter()
            .map(|r| r["doc"].as_str().unwrap_or("<null>").to_string())
            .collect()
    }

    /// The lines on standard error.
    fn errors(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

/// Runs `extract ARGS` in `dir` with `stdin` as standard input, and fails the test if it
/// takes longer than [`TIMEOUT`].
fn run_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(extract_bin())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the extract example runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_string();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(stdin.as_bytes());
    });
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let read = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            r.read_to_string(&mut s).map(|_| s)
        })
    };
    let (out, err) = (read(Box::new(stdout)), read(Box::new(stderr)));
    let status = wait(&mut child, args);
    feeder.join().unwrap();
    Output {
        status,
        stdout: out.join().unwrap().expect("UTF-8 output"),
        stderr: err.join().unwrap().expect("UTF-8 errors"),
    }
}

fn run(args: &[&str]) -> Output {
    run_in(repo(), args, "")
}

fn wait(child: &mut Child, args: &[&str]) -> Option<i32> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("extract {args:?} did not finish in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Issue 15: `--help` exited 1 and printed to standard error.
#[test]
fn help_and_version_go_to_standard_output_with_status_0() {
    for flag in ["--help", "-h"] {
        let out = run(&[flag]);
        assert_eq!(out.status, Some(0), "{flag}");
        assert!(
            out.stdout.contains("Usage: extract [OPTIONS] INPUT..."),
            "{flag}"
        );
        assert!(out.stderr.is_empty(), "{flag}: {}", out.stderr);
        for option in [
            "--jobs",
            "--recursive",
            "--input",
            "--gazetteer",
            "--pretty",
            "--format",
            "--out",
            "--no-progress",
            "--stats",
            "--version",
            "Exit status",
        ] {
            assert!(out.stdout.contains(option), "{option} not in --help");
        }
    }
    for flag in ["--version", "-V"] {
        let out = run(&[flag]);
        assert_eq!(out.status, Some(0));
        assert_eq!(
            out.stdout.trim(),
            format!("extract (gazette {})", env!("CARGO_PKG_VERSION"))
        );
    }
}

/// Issue 15: `-p` was taken as a file name; an unknown flag gave no clear message.
#[test]
fn usage_errors_say_what_is_wrong_and_exit_2() {
    for (args, says) in [
        (&["-p", "x.txt"][..], "invalid option '-p'"),
        (&["--frobnicate", "x.txt"], "invalid option '--frobnicate'"),
        (&[], "no input given"),
        (&["--jobs", "0", "x.txt"], "--jobs needs at least 1"),
        (&["--jobs", "many", "x.txt"], "many"),
        (
            &["--input", "xml", "x.txt"],
            "--input takes `text` or `jsonl`, not `xml`",
        ),
        (&["--gazetteer"], "missing argument"),
    ] {
        let out = run(args);
        assert_eq!(out.status, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(out.stderr.contains(says), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("--help"), "{args:?}: {}", out.stderr);
    }
}

/// Issue 15: `--` was refused. `-` reads standard input.
#[test]
fn double_dash_and_dash() {
    let dir = temp_dir("dashes");
    std::fs::write(dir.join("-odd.txt"), ARTICLE).unwrap();
    let out = run_in(&dir, &["--", "-odd.txt", "-"], "Talks in Paris.");
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    assert_eq!(out.docs(), ["-odd.txt", "-"]);
    let records = out.records();
    assert_eq!(records[0]["date"], "2017-03-22");
    assert_eq!(records[1]["entities"][0]["name"], "Paris");
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 15: `--gazetteer FILE.tsv` was refused though the library accepts files.
#[test]
fn gazetteer_takes_files_and_folders() {
    let dir = temp_dir("gazetteer");
    let gaz = dir.join("gaz");
    std::fs::create_dir(&gaz).unwrap();
    std::fs::write(
        gaz.join("people_local.tsv"),
        "id\tname\nX:1\tRudolf Rassendyll\n",
    )
    .unwrap();
    std::fs::write(dir.join("a.txt"), "Rudolf Rassendyll spoke.").unwrap();
    for path in ["gaz/people_local.tsv", "gaz"] {
        let out = run_in(&dir, &["--gazetteer", path, "a.txt"], "");
        assert_eq!(out.status, Some(0), "{path}: {}", out.stderr);
        assert_eq!(out.records()[0]["entities"][0]["id"], "X:1", "{path}");
    }
    std::fs::write(
        gaz.join("places_bad.tsv"),
        "id\tname\tpopulation\nP1\tX\tmany\n",
    )
    .unwrap();
    let out = run_in(&dir, &["-g", "gaz", "a.txt"], "");
    assert_eq!(out.status, Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("places_bad.tsv:2: population `many`"),
        "{}",
        out.stderr
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 15: an empty folder and skipped subfolders gave no clear message.
#[test]
fn folders_subfolders_and_recursive() {
    let dir = temp_dir("folders");
    std::fs::create_dir_all(dir.join("corpus/2019/q1")).unwrap();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::create_dir_all(dir.join("only-folders/sub")).unwrap();
    std::fs::write(dir.join("corpus/b.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("corpus/2019/a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("corpus/2019/q1/c.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("only-folders/sub/d.txt"), ARTICLE).unwrap();

    let out = run_in(&dir, &["corpus"], "");
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    assert_eq!(out.docs(), ["b.txt"]);
    assert_eq!(
        out.errors(),
        ["extract: note: corpus/2019: a folder; skipped (give --recursive to read folders in folders)"]
    );

    let out = run_in(&dir, &["--recursive", "corpus"], "");
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    assert_eq!(out.docs(), ["2019/a.txt", "2019/q1/c.txt", "b.txt"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);

    let out = run_in(&dir, &["empty", "only-folders", "corpus/b.txt"], "");
    assert_eq!(out.status, Some(1));
    assert_eq!(out.docs(), ["b.txt"]);
    let errors = out.errors();
    assert_eq!(
        errors[0],
        "extract: empty: the folder holds no files to read"
    );
    assert_eq!(
        errors.last().copied(),
        Some(
            "extract: only-folders: the folder holds no files to read \
             (1 folder in it skipped: give --recursive to read it)"
        )
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 15: a dangling symlink, a symlink loop or a FIFO inside a folder got neither a
/// record nor an error, and the exit status was 0; `mkfifo p; extract a.txt p` blocked
/// forever. Special files are refused without being opened; every input is accounted for.
#[cfg(unix)]
#[test]
fn links_fifos_and_special_files_are_accounted_for() {
    use std::os::unix::fs::symlink;
    let dir = temp_dir("special");
    let folder = dir.join("in");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), ARTICLE).unwrap();
    symlink("a.txt", folder.join("b-link.txt")).unwrap();
    symlink("nowhere.txt", folder.join("c-dangling.txt")).unwrap();
    symlink("d-loop2", folder.join("d-loop1")).unwrap();
    symlink("d-loop1", folder.join("d-loop2")).unwrap();
    let fifo = |p: &Path| {
        let ok = Command::new("mkfifo").arg(p).status().map(|s| s.success());
        assert!(matches!(ok, Ok(true)), "mkfifo {p:?}");
    };
    fifo(&folder.join("e-fifo"));
    fifo(&dir.join("p"));
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();

    // Arguments: a file, then a FIFO (which would block anyone who opened it).
    let out = run_in(&dir, &["a.txt", "p", "/dev/null"], "");
    assert_eq!(out.status, Some(1));
    assert_eq!(out.docs(), ["a.txt"]);
    assert_eq!(
        out.errors(),
        [
            "extract: p: a FIFO (named pipe); not read (only regular files and - are read)",
            "extract: /dev/null: a character device; not read (only regular files and - are read)",
        ]
    );

    // Inside a folder, in name order.
    let out = run_in(&dir, &["in"], "");
    assert_eq!(out.status, Some(1));
    assert_eq!(out.docs(), ["a.txt", "b-link.txt"]);
    let errors = out.errors();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(
        errors[0],
        "extract: in/c-dangling.txt: broken symbolic link (to nowhere.txt, which does not exist)"
    );
    assert!(errors[1].starts_with("extract: in/d-loop1: cannot follow the symbolic link"));
    assert!(errors[2].starts_with("extract: in/d-loop2: cannot follow the symbolic link"));
    assert_eq!(
        errors[3],
        "extract: in/e-fifo: a FIFO (named pipe); not read (only regular files and - are read)"
    );

    // A missing file and a dangling link given as arguments.
    let out = run_in(&dir, &["missing.txt", "in/c-dangling.txt", "a.txt"], "");
    assert_eq!(out.status, Some(1));
    assert_eq!(out.docs(), ["a.txt"]);
    assert_eq!(
        out.errors(),
        [
            "extract: missing.txt: no such file or folder",
            "extract: in/c-dangling.txt: broken symbolic link (to nowhere.txt, which does not exist)",
        ]
    );

    // A folder linking to itself is read once.
    symlink(".", folder.join("f-self")).unwrap();
    let out = run_in(&dir, &["--recursive", "in"], "");
    assert_eq!(out.docs(), ["a.txt", "b-link.txt"]);
    assert!(
        out.stderr.contains("in/f-self: folder already read"),
        "{}",
        out.stderr
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 15: a record still in a buffer was lost when a later input blocked. Each record
/// is written as soon as it and those before it are done.
#[test]
fn a_record_is_written_before_a_later_input_blocks() {
    let dir = temp_dir("blocks");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let mut child = Command::new(extract_bin())
        .args(["a.txt", "-"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Standard input stays open: `-` blocks until it is closed.
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let first = rx.recv_timeout(TIMEOUT).inspect_err(|_| {
        let _ = child.kill();
    });
    let first: Value =
        serde_json::from_str(&first.expect("a.txt's record while - blocks")).unwrap();
    assert_eq!(first["doc"], "a.txt");
    assert!(
        child.try_wait().unwrap().is_none(),
        "still reading standard input"
    );
    drop(stdin);
    let second: Value = serde_json::from_str(&rx.recv_timeout(TIMEOUT).unwrap()).unwrap();
    assert_eq!(second["doc"], "-");
    assert_eq!(wait(&mut child, &["a.txt", "-"]), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 15: inputs came only as files; news pipelines hand over JSON Lines.
#[test]
fn json_lines_input() {
    let dir = temp_dir("jsonl");
    let feed = [
        r#"{"id": "n1", "text": "Kishida met Lavrov in Tokyo on Monday.", "date": "2017-03-22", "url": "https://example.org/1"}"#,
        "",
        r#"{"id": 2, "text": "Talks in Paris."}"#,
        "not json",
        r#"{"id": "n3", "text": "Talks.", "date": "2017-02-30"}"#,
        r#"{"text": "no id"}"#,
        r#"{"id": "n4", "text": "Talks in Lagos.", "date": null}"#,
    ]
    .join("\n");
    std::fs::write(dir.join("feed.jsonl"), &feed).unwrap();
    let out = run_in(
        &dir,
        &["--input", "jsonl", "feed.jsonl", "-"],
        r#"{"id":"s","text":"Rome."}"#,
    );
    assert_eq!(out.status, Some(1));
    assert_eq!(out.docs(), ["n1", "2", "n4", "s"]);
    let records = out.records();
    assert_eq!(records[0]["date"], "2017-03-22");
    assert_eq!(records[0]["meetings"][0]["date"], "2017-03-20"); // "Monday"
                                                                 // The text is the article as given: offsets index it.
    let mention = &records[0]["entities"][0]["mentions"][0];
    let (start, end) = (
        mention["start"].as_u64().unwrap(),
        mention["end"].as_u64().unwrap(),
    );
    assert_eq!(
        &"Kishida met Lavrov in Tokyo on Monday."[start as usize..end as usize],
        mention["text"]
    );
    assert_eq!(records[1]["date"], Value::Null);
    assert_eq!(
        out.errors(),
        [
            "extract: feed.jsonl:4: not a JSON object (expected ident, at column 2)",
            "extract: feed.jsonl:5: `date`: 2017-02-30 is not a day of the calendar",
            r#"extract: feed.jsonl:6: missing field `id`; expected {"id", "text", "date"}"#,
        ]
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 15: one core unless `--parallel` was given. All cores are the default; the output
/// is the same, in input order, whatever the number of threads.
#[test]
fn jobs_keep_the_output_and_its_order() {
    let one = run(&["--jobs", "1", "tests/data"]);
    let many = run(&["--jobs", "4", "tests/data/"]);
    let default = run(&["tests/data"]);
    assert_eq!(one.status, Some(0), "{}", one.stderr);
    assert!(one.stderr.is_empty() && many.stderr.is_empty() && default.stderr.is_empty());
    assert_eq!(one.stdout, many.stdout);
    assert_eq!(one.stdout, default.stdout);
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let docs: Vec<String> = one
        .docs()
        .into_iter()
        .filter(|d| d.ends_with(".txt"))
        .collect();
    assert_eq!(docs, names);
    // The progress bar is drawn only on a terminal: nothing on a piped standard error.
    assert!(default.stderr.is_empty());
}

#[test]
fn unreadable_and_non_utf8_files_are_named_and_the_rest_is_read() {
    let dir = temp_dir("utf8");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("b.txt"), b"Talks in \xFF Tokyo.").unwrap();
    std::fs::write(dir.join("c.txt"), "Talks in Lagos.").unwrap();
    let out = run_in(&dir, &["a.txt", "b.txt", "c.txt", "--pretty"], "");
    assert_eq!(out.status, Some(1));
    assert_eq!(
        out.errors(),
        ["extract: b.txt: not UTF-8 (invalid byte at offset 9)"]
    );
    // --pretty: indented objects, one after the other.
    let docs: Vec<String> = serde_json::Deserializer::from_str(&out.stdout)
        .into_iter::<Value>()
        .map(|v| v.unwrap()["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["a.txt", "c.txt"]);
    assert!(out.stdout.contains("\n  \"entities\": ["));
    std::fs::remove_dir_all(&dir).ok();
}

/// The README's commands for the example run as written (from the repository's root), a
/// `printf '...' |` in front of one giving its standard input.
#[test]
fn readme_commands_work() {
    let readme = include_str!("../README.md");
    let marker = "cargo run --release --example extract -- ";
    let mut ran = 0;
    for line in readme.lines().filter(|l| l.contains(marker)) {
        let (before, command) = line.split_once(marker).unwrap_or_default();
        if before.contains('`') {
            continue; // inside a sentence, not a command line
        }
        let stdin = match before.trim().strip_prefix("printf '") {
            Some(rest) => rest
                .split_once("' |")
                .map_or("", |(s, _)| s)
                .replace("\\n", "\n"),
            None => String::new(),
        };
        let command = command.split(" > ").next().unwrap_or(command);
        let mut args: Vec<String> = command.split_whitespace().flat_map(glob).collect();
        // `--out FOLDER` writes into a temporary folder, not into the repository.
        let tables = temp_dir("readme-tables");
        if let Some(i) = args.iter().position(|a| a == "--out") {
            args[i + 1] = tables.display().to_string();
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run_in(repo(), &args, &stdin);
        assert_eq!(out.status, Some(0), "{command}: {}", out.stderr);
        assert!(!out.stdout.is_empty(), "{command}");
        std::fs::remove_dir_all(&tables).ok();
        ran += 1;
    }
    assert!(ran >= 8, "{ran} commands");
}

/// What the shell makes of `DIR/*.EXT` (the only pattern the README uses), from the
/// repository's root; any other argument as it is.
fn glob(arg: &str) -> Vec<String> {
    let Some((dir, ext)) = arg.split_once("/*") else {
        return vec![arg.to_string()];
    };
    let mut files: Vec<String> = std::fs::read_dir(repo().join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    files.sort();
    files
}

/// Issue 14: `--format` and `--out` are checked together; a mistake is a usage error.
#[test]
fn format_usage_errors() {
    for (args, says) in [
        (
            &["--format", "xml", "x.txt"][..],
            "--format takes `jsonl`, `plover` or `csv`, not `xml`",
        ),
        (
            &["--format", "csv", "x.txt"],
            "--format csv needs --out FOLDER",
        ),
        (&["--out", "t", "x.txt"], "--out is for --format csv"),
        (
            &["--format", "plover", "-o", "t", "x.txt"],
            "--out is for --format csv",
        ),
        (
            &["--format", "csv", "--out", "t", "--pretty", "x.txt"],
            "--pretty is for JSON",
        ),
        (&["--format"], "missing argument"),
    ] {
        let out = run(args);
        assert_eq!(out.status, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(out.stderr.contains(says), "{args:?}: {}", out.stderr);
    }
    assert!(!repo().join("t").exists());
}

/// Issue 14: `--format jsonl` is the default, unchanged.
#[test]
fn format_jsonl_is_the_default() {
    let dir = temp_dir("format-jsonl");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let plain = run_in(&dir, &["a.txt"], "");
    let jsonl = run_in(&dir, &["--format", "jsonl", "a.txt"], "");
    assert_eq!(plain.status, Some(0));
    assert_eq!(plain.stdout, jsonl.stdout);
    let record = &plain.records()[0];
    let meeting = &record["meetings"][0];
    assert_eq!(
        meeting["participants"],
        serde_json::json!(["Fumio Kishida", "Sergey Lavrov"])
    );
    let lavrov = meeting["participant_entities"][1].as_u64().unwrap() as usize;
    assert_eq!(record["entities"][lavrov]["name"], "Sergey Lavrov");
    assert_eq!(meeting["participant_ids"][1], "Q58217");
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 14: `--format plover`: one event per meeting, in input order, none for an article
/// without meetings; a failed input is still reported and the others still written.
#[test]
fn format_plover() {
    let dir = temp_dir("format-plover");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("b.txt"), "Nothing happened in Paris.").unwrap();
    std::fs::write(
        dir.join("c.txt"),
        " date 2019-08-21 President Donald Trump called off his meeting with Prime Minister \
         Mette Frederiksen. Shinzo Abe will meet Vladimir Putin in Vladivostok next month.",
    )
    .unwrap();
    let out = run_in(
        &dir,
        &[
            "--format",
            "plover",
            "a.txt",
            "b.txt",
            "missing.txt",
            "c.txt",
        ],
        "",
    );
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    assert_eq!(
        out.errors(),
        ["extract: missing.txt: no such file or folder"]
    );
    let events = out.records();
    let ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt#0", "c.txt#0", "c.txt#1"]);
    let held = &events[0];
    assert_eq!(held["event"], serde_json::json!(["CONSULT"]));
    assert_eq!(held["date"], "2017-03-20");
    assert_eq!(held["actor"][1]["identifier_id"], "Q58217");
    assert_eq!(held["actor"][1]["identifier_text"], "Sergey Lavrov");
    assert_eq!(held["actor"][1]["entity_text"], "Sergei Lavrov");
    assert_eq!(held["event_loc"]["geonameid"], 1850147);
    assert_eq!(events[1]["status"], "cancelled");
    assert_eq!(events[1]["context"], serde_json::json!(["negation"]));
    assert_eq!(events[2]["status"], "planned");
    assert_eq!(events[2]["event"], serde_json::json!(["AGREE"]));
    assert_eq!(events[2]["doc_date"], "2019-08-21");
    // --pretty indents the same events.
    let pretty = run_in(&dir, &["--format", "plover", "--pretty", "a.txt"], "");
    assert_eq!(pretty.status, Some(0));
    let value: Value = serde_json::from_str(&pretty.stdout).unwrap();
    assert_eq!(value, events[0]);
    assert!(pretty.stdout.contains("\n  \"actor\": ["));
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 14: `--format csv --out FOLDER`: three tables with headers, a row per mention,
/// per participant, per quote; the folder is created; the paths are printed.
#[test]
fn format_csv() {
    let dir = temp_dir("format-csv");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(
        dir.join("q.txt"),
        "\u{201C}We agreed, \"in principle\",\nto talk,\u{201D} Sergei Lavrov said.",
    )
    .unwrap();
    let out = run_in(
        &dir,
        &["--format", "csv", "--out", "out/tables", "a.txt", "q.txt"],
        "",
    );
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let tables = dir.join("out/tables");
    let read = |name: &str| -> Vec<csv::StringRecord> {
        let mut reader = csv::Reader::from_path(tables.join(name)).unwrap();
        let mut rows = vec![reader.headers().unwrap().clone()];
        rows.extend(reader.records().map(Result::unwrap));
        rows
    };
    let entities = read("entities.csv");
    let meetings = read("meetings.csv");
    let quotes = read("quotes.csv");
    fn first(row: &csv::StringRecord, n: usize) -> Vec<&str> {
        row.iter().take(n).collect()
    }
    assert_eq!(first(&entities[0], 3), ["doc", "doc_date", "entity"]);
    assert_eq!(
        meetings.len(),
        1 + 2,
        "a header and one row per participant"
    );
    assert_eq!(first(&meetings[1], 4), ["a.txt", "2017-03-22", "0", "held"]);
    assert_eq!(quotes.len(), 2);
    let text_col = quotes[0].iter().position(|h| h == "text").unwrap();
    assert_eq!(
        &quotes[1][text_col],
        "We agreed, \"in principle\",\nto talk,"
    );
    let mentions = entities.iter().skip(1).filter(|r| &r[0] == "a.txt").count();
    let json = run_in(&dir, &["a.txt"], "");
    let expected: usize = json.records()[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["mentions"].as_array().unwrap().len())
        .sum();
    assert_eq!(mentions, expected, "one row per mention");
    let shown = Path::new("out/tables")
        .join("entities.csv")
        .display()
        .to_string();
    assert!(
        out.stdout
            .lines()
            .any(|l| l == format!("wrote {shown} ({} rows)", entities.len() - 1)),
        "{}",
        out.stdout
    );
    // Run again with no article that gives rows: the files are replaced, headers only.
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let out = run_in(
        &dir,
        &["--format", "csv", "--out", "out/tables", "empty.txt"],
        "",
    );
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    assert_eq!(read("meetings.csv").len(), 1);
    assert!(
        out.stdout.contains("meetings.csv (0 rows)"),
        "{}",
        out.stdout
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 14: a folder that cannot be made stops the run before anything is read.
#[test]
fn format_csv_folder_that_cannot_be_made() {
    let dir = temp_dir("format-csv-bad");
    std::fs::write(dir.join("file"), "").unwrap();
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let out = run_in(
        &dir,
        &["--format", "csv", "--out", "file/tables", "a.txt"],
        "",
    );
    assert_eq!(out.status, Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("file/tables: cannot create the folder"),
        "{}",
        out.stderr
    );
    std::fs::remove_dir_all(&dir).ok();
}
