//! `[http]`: the HTTP server for monitoring and members' calendars (off unless present).

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// Address and port to listen on.
    #[serde(default = "default_listen")]
    pub listen: String,
}

fn default_listen() -> String {
    "127.0.0.1:8080".to_string()
}

impl HttpConfig {
    pub fn validate(&self, problems: &mut Vec<String>) {
        if self.listen.parse::<std::net::SocketAddr>().is_err() {
            problems.push(format!(
                "http.listen: {:?} is not an address and port such as \"127.0.0.1:8080\" or \"[::]:8080\"",
                self.listen
            ));
        }
    }
}
