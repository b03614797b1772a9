//! A real git remote for tests: a bare repository on disk, and a working copy that commits
//! and pushes to it as a site's maintainers would.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Remote {
    pub bare: PathBuf,
    pub work: PathBuf,
}

impl Remote {
    /// An empty remote under `top`, with a working copy on branch `main`.
    pub fn new(top: &Path) -> Remote {
        let bare = top.join("site.git");
        let work = top.join("work");
        std::fs::create_dir_all(&bare).unwrap();
        std::fs::create_dir_all(&work).unwrap();
        git(
            &bare,
            &["init", "--quiet", "--bare", "--initial-branch=main"],
        );
        git(&work, &["init", "--quiet", "--initial-branch=main"]);
        git(&work, &["remote", "add", "origin", bare.to_str().unwrap()]);
        Remote { bare, work }
    }

    pub fn url(&self) -> String {
        format!("file://{}", self.bare.display())
    }

    /// Writes `files` (path, text), commits them and pushes.
    pub fn commit(&self, message: &str, files: &[(&str, &str)]) {
        for (file, text) in files {
            let path = self.work.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        git(&self.work, &["add", "-A"]);
        git(
            &self.work,
            &["commit", "--quiet", "--allow-empty", "-m", message],
        );
        git(
            &self.work,
            &["push", "--quiet", "--force", "origin", "main"],
        );
    }

    /// Rewrites the last commit (new content, new id) and force-pushes it.
    pub fn amend(&self, files: &[(&str, &str)]) {
        for (file, text) in files {
            std::fs::write(self.work.join(file), text).unwrap();
        }
        git(&self.work, &["add", "-A"]);
        git(
            &self.work,
            &["commit", "--quiet", "--amend", "-m", "rewritten"],
        );
        git(
            &self.work,
            &["push", "--quiet", "--force", "origin", "main"],
        );
    }
}

pub fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Maintainer")
        .env("GIT_AUTHOR_EMAIL", "maintainer@example.org")
        .env("GIT_COMMITTER_NAME", "Maintainer")
        .env("GIT_COMMITTER_EMAIL", "maintainer@example.org")
        .stdout(Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} in {}", dir.display());
}
