//! A site's git repository, followed with the `git` command: a shallow clone under
//! `data_dir`, a shallow fetch of one branch, and a checkout of exactly the fetched commit
//! before anything reads it. Blocking: callers run it on the blocking pool.
//!
//! Why the command: it is on every machine that hosts a website's repository, it does
//! shallow fetches over every transport (https with credential helpers, ssh with the
//! admin's keys), and it adds nothing to crieur's build (see the note of issue 14 for the
//! figures against gix and git2).

use crate::config::GitSite;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What an update found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// The checkout already holds the remote's commit.
    Same(String),
    /// The checkout now holds this commit (a first clone, a new commit, a force-push).
    New(String),
}

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git ({0}); install git to read sites from a repository")]
    Missing(std::io::Error),
    #[error("git {action} of {url} failed: {detail}")]
    Failed {
        action: &'static str,
        url: String,
        detail: String,
    },
    #[error("git {action} of {url}: no answer within {} s", .within.as_secs())]
    TimedOut {
        action: &'static str,
        url: String,
        within: Duration,
    },
    #[error("cannot prepare {}: {cause}", path.display())]
    Folder {
        path: PathBuf,
        cause: std::io::Error,
    },
}

/// How long one git command may take: a remote that stops answering must not hold the
/// site's updates forever (the next try comes at the next refresh).
const CLONE_TIME: Duration = Duration::from_secs(600);
const FETCH_TIME: Duration = Duration::from_secs(180);
const LOCAL_TIME: Duration = Duration::from_secs(60);

/// Brings the checkout to the remote's latest commit of the branch. `verify` also puts the
/// working tree back to its commit when the commit is the same (a crash during a checkout
/// may have left it half-written): crieur does it once when it starts.
pub fn update(site: &GitSite, verify: bool) -> Result<Fetched, GitError> {
    let dir = &site.checkout;
    if !healthy(dir) {
        if dir.exists() {
            tracing::warn!(folder = %dir.display(), "git: the clone is damaged; cloning again");
        }
        return clone(site).map(Fetched::New);
    }
    let before = rev_parse(dir, "HEAD").ok();
    let mut fetch = git(Some(dir));
    fetch.args(["fetch", "--quiet", "--depth", "1", "--no-tags", "origin"]);
    fetch.arg(site.branch.as_deref().unwrap_or("HEAD"));
    if let Err(e) = run(fetch, "fetch", &site.url, FETCH_TIME) {
        // A fetch that fails on a damaged repository (objects lost on a full disk) would
        // fail forever: clone again. A remote that is away is only reported.
        if !healthy(dir) {
            tracing::warn!(folder = %dir.display(), "git: the clone is damaged; cloning again");
            return clone(site).map(Fetched::New);
        }
        return Err(e);
    }
    let fetched = rev_parse(dir, "FETCH_HEAD")?;
    if before.as_deref() == Some(&fetched) && !verify {
        return Ok(Fetched::Same(fetched));
    }
    checkout(dir, &fetched, &site.url)?;
    Ok(if before.as_deref() == Some(&fetched) {
        Fetched::Same(fetched)
    } else {
        Fetched::New(fetched)
    })
}

/// A fresh shallow clone, made beside the checkout and moved in place once complete, so
/// that a clone cut short never looks like a checkout.
fn clone(site: &GitSite) -> Result<String, GitError> {
    let dir = &site.checkout;
    let parent = dir.parent().unwrap_or(Path::new("."));
    let folder = |path: &Path, cause| GitError::Folder {
        path: path.to_path_buf(),
        cause,
    };
    std::fs::create_dir_all(parent).map_err(|e| folder(parent, e))?;
    let fresh = dir.with_extension("cloning");
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).map_err(|e| folder(&fresh, e))?;
    }
    let mut cmd = git(None);
    cmd.args([
        "clone",
        "--quiet",
        "--depth",
        "1",
        "--single-branch",
        "--no-tags",
    ]);
    if let Some(branch) = &site.branch {
        cmd.args(["--branch", branch]);
    }
    cmd.arg("--").arg(&site.url).arg(&fresh);
    if let Err(e) = run(cmd, "clone", &site.url, CLONE_TIME) {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    let commit = rev_parse(&fresh, "HEAD")?;
    if dir.exists() {
        let old = dir.with_extension("old");
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(dir, &old).map_err(|e| folder(dir, e))?;
        let _ = std::fs::remove_dir_all(&old);
    }
    std::fs::rename(&fresh, dir).map_err(|e| folder(dir, e))?;
    Ok(commit)
}

/// Puts the working tree exactly at `commit`: tracked files as committed, nothing else.
fn checkout(dir: &Path, commit: &str, url: &str) -> Result<(), GitError> {
    let mut reset = git(Some(dir));
    reset.args(["reset", "--quiet", "--hard", commit]);
    run(reset, "checkout", url, LOCAL_TIME)?;
    let mut clean = git(Some(dir));
    clean.args(["clean", "--quiet", "-ffdx"]);
    run(clean, "checkout", url, LOCAL_TIME)
}

/// Whether `dir` is a clone whose commit and tree can be read.
fn healthy(dir: &Path) -> bool {
    if !dir.join(".git").is_dir() {
        return false;
    }
    let mut cmd = git(Some(dir));
    cmd.args(["cat-file", "-e", "HEAD^{tree}"]);
    run(cmd, "check", "", LOCAL_TIME).is_ok()
}

fn rev_parse(dir: &Path, name: &str) -> Result<String, GitError> {
    let mut cmd = git(Some(dir));
    cmd.args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{name}^{{commit}}"));
    let out = output(cmd, "rev-parse", &dir.display().to_string(), LOCAL_TIME)?;
    Ok(String::from_utf8_lossy(&out).trim().to_string())
}

/// `git`, never asking anyone anything, with no transport that runs commands.
fn git(dir: Option<&Path>) -> Command {
    let mut cmd = Command::new("git");
    if let Some(dir) = dir {
        cmd.arg("-C").arg(dir);
    }
    cmd.args([
        "-c",
        "protocol.ext.allow=never",
        "-c",
        "core.hooksPath=/dev/null",
        "-c",
        "advice.detachedHead=false",
    ]);
    cmd.env("GIT_TERMINAL_PROMPT", "0");
    if std::env::var_os("GIT_SSH_COMMAND").is_none() {
        cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
    }
    cmd.stdin(Stdio::null());
    cmd
}

fn run(cmd: Command, action: &'static str, url: &str, within: Duration) -> Result<(), GitError> {
    output(cmd, action, url, within).map(|_| ())
}

/// Runs a git command to its end or until `within` has passed (then kills it); its
/// standard output, or its error output as the failure's detail.
fn output(
    mut cmd: Command,
    action: &'static str,
    url: &str,
    within: Duration,
) -> Result<Vec<u8>, GitError> {
    let err_file = tempfile::tempfile().map_err(GitError::Missing)?;
    cmd.stderr(err_file.try_clone().map_err(GitError::Missing)?);
    let out_file = tempfile::tempfile().map_err(GitError::Missing)?;
    cmd.stdout(out_file.try_clone().map_err(GitError::Missing)?);
    let mut child = cmd.spawn().map_err(GitError::Missing)?;
    let deadline = Instant::now() + within;
    let status = loop {
        match child.try_wait().map_err(GitError::Missing)? {
            Some(status) => break status,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(GitError::TimedOut {
                    action,
                    url: url.to_string(),
                    within,
                });
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let read = |mut f: std::fs::File| {
        use std::io::{Read, Seek};
        let mut bytes = Vec::new();
        let _ = f.seek(std::io::SeekFrom::Start(0));
        let _ = f.read_to_end(&mut bytes);
        bytes
    };
    if status.success() {
        return Ok(read(out_file));
    }
    let detail = String::from_utf8_lossy(&read(err_file)).trim().to_string();
    Err(GitError::Failed {
        action,
        url: url.to_string(),
        detail: if detail.is_empty() {
            status.to_string()
        } else {
            // git's own "fatal:" and "error:" lines say what went wrong (a hint may
            // follow them); else the last lines. The URL is said once already.
            let lines: Vec<&str> = detail.lines().collect();
            let errors: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|l| l.starts_with("fatal:") || l.starts_with("error:"))
                .collect();
            if errors.is_empty() {
                lines[lines.len().saturating_sub(3)..].join(" / ")
            } else {
                errors.join(" / ")
            }
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// A bare repository as the remote, and a working copy that pushes to it.
    fn remote(top: &Path) -> (PathBuf, PathBuf) {
        let bare = top.join("site.git");
        let work = top.join("work");
        std::fs::create_dir_all(&bare).unwrap();
        std::fs::create_dir_all(&work).unwrap();
        sh(
            &bare,
            &["init", "--quiet", "--bare", "--initial-branch=main"],
        );
        sh(&work, &["init", "--quiet", "--initial-branch=main"]);
        sh(&work, &["remote", "add", "origin", bare.to_str().unwrap()]);
        (bare, work)
    }

    fn commit(work: &Path, file: &str, text: &str) {
        let path = work.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        sh(work, &["add", "-A"]);
        sh(work, &["commit", "--quiet", "-m", file]);
        sh(work, &["push", "--quiet", "--force", "origin", "main"]);
    }

    #[test]
    fn clones_fetches_new_commits_and_survives_force_pushes_and_damage() {
        let top = tempfile::tempdir().unwrap();
        let (bare, work) = remote(top.path());
        commit(&work, "_posts/2027-01-01-a.md", "one");
        let site = GitSite {
            url: format!("file://{}", bare.display()),
            branch: None,
            checkout: top.path().join("data/sites/site"),
            refresh: Duration::from_secs(1),
        };
        let Fetched::New(first) = update(&site, true).unwrap() else {
            panic!("a first clone is new");
        };
        let read = |f: &str| std::fs::read_to_string(site.checkout.join(f)).unwrap();
        assert_eq!(read("_posts/2027-01-01-a.md"), "one");
        assert_eq!(update(&site, false).unwrap(), Fetched::Same(first.clone()));

        // A new commit, then a force-push that rewrites it.
        commit(&work, "_posts/2027-01-02-b.md", "two");
        assert!(matches!(update(&site, false).unwrap(), Fetched::New(c) if c != first));
        assert_eq!(read("_posts/2027-01-02-b.md"), "two");
        sh(&work, &["reset", "--quiet", "--hard", &first]);
        commit(&work, "_posts/2027-01-03-c.md", "three");
        assert!(matches!(update(&site, false).unwrap(), Fetched::New(_)));
        assert!(!site.checkout.join("_posts/2027-01-02-b.md").exists());
        assert_eq!(read("_posts/2027-01-03-c.md"), "three");

        // A file half-written in the checkout is put back when verifying.
        std::fs::write(site.checkout.join("_posts/2027-01-03-c.md"), "thr").unwrap();
        std::fs::write(site.checkout.join("_posts/stray.md"), "x").unwrap();
        assert!(matches!(update(&site, true).unwrap(), Fetched::Same(_)));
        assert_eq!(read("_posts/2027-01-03-c.md"), "three");
        assert!(!site.checkout.join("_posts/stray.md").exists());

        // A damaged clone (its objects gone) is cloned again.
        std::fs::remove_dir_all(site.checkout.join(".git/objects")).unwrap();
        assert!(matches!(update(&site, false).unwrap(), Fetched::New(_)));
        assert_eq!(read("_posts/2027-01-03-c.md"), "three");

        // An unreachable remote is an error; the checkout stays as it was.
        std::fs::rename(&bare, top.path().join("moved.git")).unwrap();
        let err = update(&site, false).unwrap_err().to_string();
        assert!(err.starts_with("git fetch of file://"), "{err}");
        assert_eq!(read("_posts/2027-01-03-c.md"), "three");
    }

    #[test]
    fn a_named_branch_is_followed() {
        let top = tempfile::tempdir().unwrap();
        let (bare, work) = remote(top.path());
        commit(&work, "index.md", "main");
        sh(&work, &["checkout", "--quiet", "-b", "site"]);
        std::fs::write(work.join("index.md"), "branch").unwrap();
        sh(&work, &["commit", "--quiet", "-am", "b"]);
        sh(&work, &["push", "--quiet", "origin", "site"]);
        let site = GitSite {
            url: format!("file://{}", bare.display()),
            branch: Some("site".into()),
            checkout: top.path().join("clone"),
            refresh: Duration::from_secs(1),
        };
        update(&site, true).unwrap();
        assert_eq!(
            std::fs::read_to_string(site.checkout.join("index.md")).unwrap(),
            "branch"
        );
    }

    #[test]
    fn a_refused_login_fails_at_once_without_asking_anyone() {
        use std::io::{Read, Write};
        // A server that refuses every request for want of a login.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for mut conn in listener.incoming().flatten() {
                let mut buf = [0u8; 4096];
                let _ = conn.read(&mut buf);
                let _ = conn.write_all(
                    b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"site\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            }
        });
        let top = tempfile::tempdir().unwrap();
        let site = GitSite {
            url: format!("http://127.0.0.1:{port}/site.git"),
            branch: None,
            checkout: top.path().join("clone"),
            refresh: Duration::from_secs(1),
        };
        let started = Instant::now();
        let err = update(&site, true).unwrap_err().to_string();
        assert!(err.starts_with("git clone of http://127.0.0.1:"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(30), "{err}");
        assert!(!site.checkout.exists());
    }
}
