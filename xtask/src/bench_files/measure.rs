//! Timing a command: its wall time, and the CPU time (user and system) it and its own children
//! spent, read from the kernel's account of this process's finished children.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One run of a command.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timing {
    pub(crate) wall: Duration,
    /// `None` where the system does not say (outside Unix).
    pub(crate) cpu: Option<Duration>,
}

/// What a run printed, and how it went.
pub(crate) struct Run {
    pub(crate) timing: Timing,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Whether a run's output is kept, or thrown away as it is written so that reading it costs
/// nothing here: several megabytes of findings would otherwise be timed with the tool.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    Kept,
    Discarded,
}

/// Runs `program args` in `directory` and fails unless it exits with one of `codes` (linters
/// exit 1 when they find something).
pub(crate) fn run(
    directory: &Path,
    program: &Path,
    args: &[&str],
    codes: &[i32],
    kept: Output,
) -> Result<Run, String> {
    let shown = format!("{} {}", program.display(), args.join(" "));
    let stream = || match kept {
        Output::Kept => Stdio::piped(),
        Output::Discarded => Stdio::null(),
    };
    let cpu_before = children_cpu();
    let started = Instant::now();
    let output = Command::new(program)
        .args(args)
        .current_dir(directory)
        .stdin(Stdio::null())
        .stdout(stream())
        .stderr(stream())
        .output()
        .map_err(|error| format!("{shown}: cannot start: {error}"))?;
    let wall = started.elapsed();
    let cpu = children_cpu()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output
        .status
        .code()
        .is_some_and(|code| codes.contains(&code))
    {
        return Err(format!(
            "{shown} failed ({}):\n{}",
            output.status,
            stderr.lines().take(20).collect::<Vec<_>>().join("\n")
        ));
    }
    Ok(Run {
        timing: Timing { wall, cpu },
        stdout,
        stderr,
    })
}

/// The user and system time of every child this process has waited for.
#[cfg(unix)]
fn children_cpu() -> Option<Duration> {
    use nix::sys::resource::{UsageWho, getrusage};
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).ok()?;
    let seconds = |time: nix::sys::time::TimeVal| {
        Duration::from_secs(u64::try_from(time.tv_sec()).unwrap_or_default())
            + Duration::from_micros(u64::try_from(time.tv_usec()).unwrap_or_default())
    };
    Some(seconds(usage.user_time()) + seconds(usage.system_time()))
}

#[cfg(not(unix))]
fn children_cpu() -> Option<Duration> {
    None
}
