//! Liquid templating in Jekyll sources: `{% tag %}` and `{{ output }}` are removed before
//! the Markdown is read (crieur does not render templates), `{% raw %}` keeps its content,
//! and `{% comment %}` drops its content. Newlines inside removed tags are kept so that
//! line numbers after a multi-line tag stay true. Hugo's shortcodes (`{{< button
//! href="…" >}}S'inscrire{{< /button >}}`) go the same way, but the web address one gives
//! stays as a link: it is often the registration button.

use std::borrow::Cow;

pub fn strip(source: &str) -> Cow<'_, str> {
    if !source.contains("{%") && !source.contains("{{") {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    let mut skipping_comment = false;
    let mut in_raw = false;
    while !rest.is_empty() {
        let next = if in_raw {
            rest.find("{%")
        } else {
            rest.find(['{'])
        };
        let Some(at) = next else {
            if !skipping_comment {
                out.push_str(rest);
            }
            break;
        };
        let (before, tail) = rest.split_at(at);
        if !skipping_comment {
            out.push_str(before);
        }
        let close = if tail.starts_with("{%") {
            "%}"
        } else if tail.starts_with("{{") && !in_raw {
            "}}"
        } else {
            if !skipping_comment {
                out.push('{');
            }
            rest = &tail[1..];
            continue;
        };
        let Some(end) = tail.find(close) else {
            // An unclosed tag is text, not something to swallow the rest of the post.
            if !skipping_comment {
                out.push_str(tail);
            }
            break;
        };
        let tag = &tail[..end + 2];
        let name = tag
            .trim_start_matches(['{', '%', '-'])
            .split_whitespace()
            .next()
            .unwrap_or("");
        match (close, name) {
            ("%}", "raw") if !in_raw => in_raw = true,
            ("%}", "endraw") => in_raw = false,
            ("%}", "comment") => skipping_comment = true,
            ("%}", "endcomment") => skipping_comment = false,
            _ if in_raw => out.push_str(tag),
            ("}}", _) if !skipping_comment => {
                if let Some(url) = shortcode_address(tag) {
                    out.push_str(" <");
                    out.push_str(url);
                    out.push_str("> ");
                }
            }
            _ => {}
        }
        out.extend(tag.chars().filter(|c| *c == '\n'));
        rest = &tail[end + 2..];
    }
    Cow::Owned(out)
}

/// The web address a Hugo shortcode gives (`{{< button href="https://…" >}}`,
/// `{{% link url="https://…" %}}`), if any.
fn shortcode_address(tag: &str) -> Option<&str> {
    if !(tag.starts_with("{{<") || tag.starts_with("{{%")) {
        return None;
    }
    ["href=", "url=", "link="].iter().find_map(|key| {
        let value = &tag[tag.find(key)? + key.len()..];
        let value = value.strip_prefix(['"', '\'']).unwrap_or(value);
        let end = value.find(['"', '\'', ' ', '>']).unwrap_or(value.len());
        let url = &value[..end];
        (url.starts_with("https://") || url.starts_with("http://")).then_some(url)
    })
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn keeps_the_address_of_a_shortcode_button() {
        assert_eq!(
            strip("{{< button href=\"https://pretix.eu/k/l/\" >}}Register{{< /button >}}"),
            " <https://pretix.eu/k/l/> Register"
        );
        assert_eq!(strip("a {{< youtube abc >}} b"), "a  b");
        assert_eq!(strip("{{ site.url }}"), "");
    }

    #[test]
    fn removes_tags_and_outputs() {
        assert_eq!(
            strip("a {% include x.html k=\"v\" %} b {{ site.url }} c"),
            "a  b  c"
        );
    }

    #[test]
    fn keeps_raw_content() {
        assert_eq!(strip("{% raw %}{{ x }}{% endraw %}"), "{{ x }}");
    }

    #[test]
    fn drops_comments_and_keeps_line_count() {
        assert_eq!(strip("a{% comment %}\nhidden\n{% endcomment %}b"), "ab");
        assert_eq!(strip("a{% include x\n y %}b"), "a\nb");
    }

    #[test]
    fn leaves_plain_braces_and_unclosed_tags() {
        assert_eq!(strip("f(x) = {x} {% oops"), "f(x) = {x} {% oops");
    }
}
