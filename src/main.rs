//! The `postmortem` binary of the root package: the CLI crate's, for `cargo install --path .`.

fn main() -> std::process::ExitCode {
    postmortem_cli::run()
}
