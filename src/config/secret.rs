//! Secrets by reference: the config names an environment variable or a file that holds a
//! password, never the password itself.

use std::path::{Path, PathBuf};

/// Where a secret is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Secret {
    Env(String),
    File(PathBuf),
}

impl Secret {
    /// From the `*_env` / `*_file` keys of a table; `key` names them in messages.
    pub fn from_keys(
        env: Option<&str>,
        file: Option<&Path>,
        key: &str,
        problems: &mut Vec<String>,
    ) -> Option<Secret> {
        match (env, file) {
            (Some(_), Some(_)) => {
                problems.push(format!("{key}_env and {key}_file: give one, not both"));
                None
            }
            (Some(var), None) => Some(Secret::Env(var.to_string())),
            (None, Some(path)) => Some(Secret::File(path.to_path_buf())),
            (None, None) => None,
        }
    }

    /// Reads the secret; the error names the variable or file and how to fix it.
    pub fn read(&self) -> Result<String, String> {
        match self {
            Secret::Env(var) => match std::env::var(var) {
                Ok(v) if !v.is_empty() => Ok(v),
                _ => Err(format!(
                    "environment variable {var} is not set; export it before starting crieur"
                )),
            },
            Secret::File(path) => std::fs::read_to_string(path)
                .map(|s| s.trim_end_matches(['\r', '\n']).to_string())
                .map_err(|e| format!("{}: cannot read: {e}", path.display())),
        }
    }
}
