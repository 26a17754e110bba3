//! Nothing here: this crate exists for its benchmarks in `benches/`
//! (`cargo bench -p gazette-benches`).
