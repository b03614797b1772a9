//! The pid file beside the store (`data_dir/crieur.pid`): how `crieur reload` finds the
//! crieur that runs on a config. Written once the store is open (sled lets one process
//! hold a store, so one crieur per data dir), removed when crieur stops.

use std::path::{Path, PathBuf};

/// The file's name in the data dir.
pub const NAME: &str = "crieur.pid";

/// Removes the file when dropped.
pub struct PidFile(Option<PathBuf>);

impl PidFile {
    /// Writes this process's id. A failure is logged, not fatal: only `crieur reload`
    /// needs the file (SIGHUP and `!reload` work without it).
    pub fn write(data_dir: &Path) -> PidFile {
        let path = data_dir.join(NAME);
        match std::fs::write(&path, format!("{}\n", std::process::id())) {
            Ok(()) => PidFile(Some(path)),
            Err(e) => {
                tracing::warn!(path = %path.display(), "cannot write the pid file ({e}); `crieur reload` will not find this crieur");
                PidFile(None)
            }
        }
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Sends SIGHUP to the crieur whose pid file is in `data_dir`; its pid.
pub fn signal_reload(data_dir: &Path) -> anyhow::Result<u32> {
    let path = data_dir.join(NAME);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        anyhow::anyhow!(
            "{}: {e}; is crieur running with this data dir?",
            path.display()
        )
    })?;
    let pid: u32 = text
        .trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("{}: not a process id: {:?}", path.display(), text.trim()))?;
    // A crieur killed outright leaves its file behind, and its number may since be another
    // program's: that one is not sent a signal.
    if let Ok(comm) = std::fs::read_to_string(format!("/proc/{pid}/comm"))
        && !comm.trim().starts_with("crieur")
    {
        anyhow::bail!(
            "{}: process {pid} is {:?}, not crieur; a crieur that did not stop cleanly left this file",
            path.display(),
            comm.trim()
        );
    }
    hang_up(pid).map_err(|e| {
        anyhow::anyhow!(
            "crieur (pid {pid}, from {}) cannot be told: {e}",
            path.display()
        )
    })?;
    Ok(pid)
}

#[cfg(unix)]
fn hang_up(pid: u32) -> std::io::Result<()> {
    let pid = libc::pid_t::try_from(pid)
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    // SAFETY: kill(2) reads only its two integer arguments.
    if unsafe { libc::kill(pid, libc::SIGHUP) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn hang_up(_pid: u32) -> std::io::Result<()> {
    Err(std::io::Error::other(
        "signals are for Unix; restart crieur instead",
    ))
}
