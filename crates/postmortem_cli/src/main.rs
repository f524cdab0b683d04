//! The `postmortem` binary.

fn main() -> std::process::ExitCode {
    postmortem_cli::run()
}
