//! Issue 15 (packaging): what a stranger finds in a fresh clone besides the code.

use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(file: &str) -> String {
    std::fs::read_to_string(repo().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The value of `key = "value"` in Cargo.toml's `[package]` table.
fn manifest_value(key: &str) -> Option<String> {
    let manifest = read("Cargo.toml");
    let package = manifest.split("\n[").next().unwrap_or("");
    package.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Issue 15: no licence files although Cargo.toml declared MIT OR Apache-2.0; no
/// CHANGELOG, no `repository` field.
#[test]
fn licences_changelog_and_repository() {
    assert_eq!(
        manifest_value("license").as_deref(),
        Some("MIT OR Apache-2.0")
    );
    assert!(read("LICENSE-MIT").contains("Permission is hereby granted, free of charge"));
    assert!(read("LICENSE-APACHE").contains("Apache License\n                        Version 2.0"));
    assert!(read("CHANGELOG.md").contains("## Unreleased"));
    let repository = manifest_value("repository").unwrap_or_default();
    assert!(repository.starts_with("https://"), "{repository:?}");
}

/// Issue 15: `rust-version = "1.82"` was wrong (the locked jiff needs 1.85). It must be the
/// highest rust-version any locked dependency declares.
#[test]
fn rust_version_is_the_highest_any_dependency_needs() {
    let ours = manifest_value("rust-version").expect("a rust-version");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(repo())
        .output();
    let Ok(out) = out.map_err(|e| eprintln!("skipped: cannot run cargo metadata: {e}")) else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let version = |s: &str| -> Vec<u32> { s.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    let (highest, by) = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] != "gazette")
        .filter_map(|p| Some((version(p["rust_version"].as_str()?), p["name"].to_string())))
        .max()
        .unwrap();
    assert_eq!(
        version(&ours),
        highest,
        "rust-version {ours}, but {by} needs {highest:?}"
    );
}

/// Issue 15: the README had no set-up section (toolchain, first-build time) and nothing told
/// a user to optimise the dependency in debug builds or to share one extractor.
#[test]
fn readme_has_set_up_and_debug_builds() {
    let readme = read("README.md");
    let ours = manifest_value("rust-version").unwrap_or_default();
    assert!(readme.contains("## Set-up"));
    assert!(
        readme.contains(&format!("Rust {ours} or newer")),
        "README's toolchain"
    );
    assert!(readme.contains("**First build.**"));
    assert!(readme.contains("## Debug builds"));
    assert!(readme.contains("[profile.dev.package.gazette]\n  opt-level = 3"));
    assert!(readme.contains("Build one `Extractor` and share it"));
}

/// Issue 15: `tests/data/` did not say where each article comes from.
#[test]
fn every_test_article_is_in_sources_md() {
    let sources = read("tests/data/SOURCES.md");
    for entry in std::fs::read_dir(repo().join("tests/data")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            assert!(
                sources.contains(&format!("| `{name}` |")),
                "{name} not in SOURCES.md"
            );
        }
    }
}
