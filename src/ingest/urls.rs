//! Where a site publishes its posts: the base address and the permalink rule, from the
//! crieur config or the site's own config (`_config.yml` for Jekyll, `hugo.toml` /
//! `config.toml` for Hugo). When neither says, crieur does not guess addresses: a wrong
//! link is worse than none. The same config gives the site's title and the region its
//! English is written for.

use super::SiteSpec;
use serde_json::Value;
use url::Url;

/// How to make a post's public address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Urls {
    pub base: Option<Url>,
    /// Jekyll permalink template ("/blog/:year/:month/:day/:title/"), when known.
    pub permalink: Option<String>,
    /// A Hugo site with a config: posts live at /section/slug/.
    pub hugo: bool,
}

/// The site's own config, read once: Jekyll's `_config.yml`, Hugo's `hugo.toml` or
/// `config.toml`.
#[derive(Debug, Default)]
pub struct SiteConfig {
    jekyll: Option<Value>,
    hugo: Option<toml::Table>,
}

impl SiteConfig {
    pub fn read(root: &std::path::Path) -> SiteConfig {
        SiteConfig {
            jekyll: ["_config.yml", "_config.yaml"]
                .iter()
                .find_map(|f| read_yaml(&root.join(f))),
            hugo: ["hugo.toml", "config.toml"]
                .iter()
                .find_map(|f| std::fs::read_to_string(root.join(f)).ok())
                .and_then(|t| toml::from_str::<toml::Table>(&t).ok()),
        }
    }

    /// The title it gives the site (`title`).
    pub fn title(&self) -> Option<String> {
        let jekyll = self
            .jekyll
            .as_ref()
            .and_then(|c| c.get("title").and_then(Value::as_str).map(str::to_string))
            .filter(|t| !t.trim().is_empty());
        let hugo = || {
            self.hugo
                .as_ref()
                .and_then(|c| c.get("title")?.as_str().map(str::to_string))
        };
        jekyll.or_else(hugo).filter(|t| !t.trim().is_empty())
    }

    /// Whether the site's English writes numeric dates day first, as the region of the
    /// language code it gives says ("en-IE", "en_GB": yes; "en-US": no); `None` when it
    /// names no English region (`languageCode` and `languages.*.languageCode` in Hugo's,
    /// `lang`, `locale` or `language` in Jekyll's).
    pub fn english_day_first(&self) -> Option<bool> {
        let mut codes: Vec<String> = Vec::new();
        if let Some(config) = &self.jekyll {
            for key in ["lang", "locale", "language"] {
                codes.extend(config.get(key).and_then(Value::as_str).map(str::to_string));
            }
        }
        if let Some(config) = &self.hugo {
            let code = |t: &toml::Table| {
                ["languageCode", "locale"]
                    .iter()
                    .find_map(|k| t.get(*k)?.as_str().map(str::to_string))
            };
            codes.extend(code(config));
            if let Some(languages) = config.get("languages").and_then(|l| l.as_table()) {
                codes.extend(languages.values().filter_map(|l| code(l.as_table()?)));
            }
        }
        codes
            .iter()
            .find_map(|c| crate::lexicon::en::region_writes_day_first(c))
    }
}

impl Urls {
    /// The rules for a site: the crieur config first, then the site's own config.
    pub fn for_site(spec: &SiteSpec, config: &SiteConfig) -> Urls {
        let mut urls = Urls {
            base: spec.base_url.clone(),
            permalink: spec.permalink.as_deref().map(expand_style),
            hugo: config.hugo.is_some(),
        };
        if let Some(config) = &config.jekyll {
            let text = |k: &str| config.get(k).and_then(Value::as_str).map(str::to_string);
            if urls.permalink.is_none() {
                urls.permalink = Some(expand_style(text("permalink").as_deref().unwrap_or("date")));
            }
            if urls.base.is_none() {
                let site = text("url").unwrap_or_default();
                let path = text("baseurl").unwrap_or_default();
                urls.base = parse_base_url(&format!("{}{}", site.trim_end_matches('/'), path));
            }
        }
        if let Some(config) = &config.hugo
            && urls.base.is_none()
        {
            urls.base = config
                .get("baseURL")
                .and_then(|v| v.as_str())
                .and_then(parse_base_url);
        }
        urls
    }
}

fn read_yaml(path: &std::path::Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_saphyr::from_str::<Value>(&text).ok()
}

/// Jekyll's named permalink styles as templates.
fn expand_style(style: &str) -> String {
    match style.trim() {
        "date" => "/:categories/:year/:month/:day/:title.html".to_string(),
        "pretty" => "/:categories/:year/:month/:day/:title/".to_string(),
        "ordinal" => "/:categories/:year/:y_day/:title.html".to_string(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title.html".to_string(),
        "none" => "/:categories/:title.html".to_string(),
        template => template.to_string(),
    }
}

/// An absolute http(s) base address, ending with `/` so that joining keeps its path.
pub fn parse_base_url(text: &str) -> Option<Url> {
    let mut url = Url::parse(text.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return None;
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::SiteConfig;

    fn site_title(root: &std::path::Path) -> Option<String> {
        SiteConfig::read(root).title()
    }

    fn english_day_first(root: &std::path::Path) -> Option<bool> {
        SiteConfig::read(root).english_day_first()
    }

    #[test]
    fn the_region_of_a_site_s_english_is_read_from_its_config() {
        let dir = tempfile::tempdir().expect("a folder");
        assert_eq!(english_day_first(dir.path()), None);
        let hugo = "languageCode = \"es-MX\"\n[languages.en]\nlanguageCode = \"en-IE\"\n[languages.es]\nlanguageCode = \"es-MX\"\n";
        std::fs::write(dir.path().join("hugo.toml"), hugo).expect("write");
        assert_eq!(english_day_first(dir.path()), Some(true));
        std::fs::write(dir.path().join("_config.yml"), "lang: en-US\n").expect("write");
        assert_eq!(english_day_first(dir.path()), Some(false));
        std::fs::write(dir.path().join("_config.yml"), "locale: en_AU\n").expect("write");
        assert_eq!(english_day_first(dir.path()), Some(true));
    }

    #[test]
    fn a_site_s_title_is_read_from_its_jekyll_or_hugo_config() {
        let dir = tempfile::tempdir().expect("a folder");
        assert_eq!(site_title(dir.path()), None);
        std::fs::write(dir.path().join("hugo.toml"), "title = \"rOpenSci\"\n").expect("write");
        assert_eq!(site_title(dir.path()).as_deref(), Some("rOpenSci"));
        std::fs::write(
            dir.path().join("_config.yml"),
            "title: \"Guilde Érable · Erable Guild\"\nurl: https://example.org\n",
        )
        .expect("write");
        assert_eq!(
            site_title(dir.path()).as_deref(),
            Some("Guilde Érable · Erable Guild")
        );
        std::fs::write(dir.path().join("_config.yml"), "title: \"\"\n").expect("write");
        assert_eq!(site_title(dir.path()).as_deref(), Some("rOpenSci"));
    }
}
