//! Embed mode: the settings a partner's page passes to the widget in the
//! iframe's URL, parsed and checked here (pure, tested natively). Nothing in
//! them is personal: they say which region, services and language to show.

use crate::taxonomy::Taxonomy;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedView {
    #[default]
    Both,
    Directory,
    Guide,
}

/// A partner's scope and look, from `?embed=1&...`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedConfig {
    /// The partner page's origin: the only one height messages go to.
    pub parent: Option<String>,
    pub view: EmbedView,
    /// USPS codes; empty means every state.
    pub states: Vec<String>,
    /// Domain indices; empty means every domain.
    pub domains: Vec<u16>,
    pub service_types: Vec<u16>,
    pub populations: Vec<u16>,
    pub lang: Option<String>,
    /// `#rrggbb`.
    pub accent: Option<String>,
    pub accent_ink: Option<String>,
    /// Where quick exit sends the whole page (https only).
    pub exit: Option<String>,
}

/// Parses a URL query (`embed=1&states=CA,NV&...`, with or without the
/// leading `?`). `None` when this is not an embed. Unknown codes and unsafe
/// values are dropped, never trusted.
pub fn parse(query: &str, taxonomy: &Taxonomy, languages: &[&str]) -> Option<EmbedConfig> {
    let pairs: Vec<(String, String)> = query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|p| p.split_once('=').or(Some((p, ""))))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect();
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    if get("embed") != Some("1") {
        return None;
    }
    let list = |key: &str| -> Vec<String> {
        get(key)
            .map(|v| {
                v.split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let ids = |key: &str, find: &dyn Fn(&str) -> Option<u16>| -> Vec<u16> {
        list(key).iter().filter_map(|c| find(c)).collect()
    };
    Some(EmbedConfig {
        parent: get("parent").filter(|o| is_origin(o)).map(str::to_string),
        view: match get("view") {
            Some("directory") => EmbedView::Directory,
            Some("guide") => EmbedView::Guide,
            _ => EmbedView::Both,
        },
        states: list("states")
            .into_iter()
            .map(|s| s.to_ascii_uppercase())
            .filter(|s| taxonomy.state(s).is_some())
            .collect(),
        domains: ids("domains", &|c| taxonomy.domain_id(c)),
        service_types: ids("services", &|c| taxonomy.service_type_id(c)),
        populations: ids("populations", &|c| taxonomy.population_id(c)),
        lang: get("lang")
            .filter(|l| languages.contains(l))
            .map(str::to_string),
        accent: get("accent").and_then(colour),
        accent_ink: get("accent_ink").and_then(colour),
        // https only: a plain http exit page could be read or replaced on
        // the way.
        exit: get("exit")
            .filter(|u| u.starts_with("https://") && is_web_url(u))
            .map(str::to_string),
    })
}

/// `scheme://host[:port]` and nothing else.
fn is_origin(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

fn is_web_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && !s.contains(char::is_whitespace)
        && s.len() > 10
}

/// Six hex digits, with or without `#`, to `#rrggbb`.
fn colour(s: &str) -> Option<String> {
    let hex = s.trim_start_matches('#');
    (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// Percent-decoding for query values (`+` is a space).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::{ServiceType, State};

    fn taxonomy() -> Taxonomy {
        Taxonomy {
            domains: vec!["housing".into(), "legal".into()],
            service_types: vec![ServiceType {
                code: "emergency-shelter".into(),
                domain: 0,
                professional: false,
            }],
            populations: vec!["youth".into()],
            languages: vec!["en".into(), "es".into()],
            states: vec![
                State {
                    code: "CA".into(),
                    name: "California".into(),
                },
                State {
                    code: "NV".into(),
                    name: "Nevada".into(),
                },
            ],
        }
    }

    #[test]
    fn not_an_embed_without_the_flag() {
        assert_eq!(parse("?states=CA", &taxonomy(), &["en"]), None);
    }

    #[test]
    fn parses_scope_look_and_exit() {
        let q = "?embed=1&parent=https%3A%2F%2Fshelter.example&view=directory&states=ca,NV,ZZ&domains=legal,nope\
                 &services=emergency-shelter&populations=youth&lang=es&accent=7A1F5C&exit=https%3A%2F%2Fwww.bbc.com%2Fweather";
        let c = parse(q, &taxonomy(), &["en", "es"]).unwrap();
        assert_eq!(c.parent.as_deref(), Some("https://shelter.example"));
        assert_eq!(c.view, EmbedView::Directory);
        assert_eq!(c.states, ["CA", "NV"]);
        assert_eq!(c.domains, [1]);
        assert_eq!(c.service_types, [0]);
        assert_eq!(c.populations, [0]);
        assert_eq!(c.lang.as_deref(), Some("es"));
        assert_eq!(c.accent.as_deref(), Some("#7a1f5c"));
        assert_eq!(c.exit.as_deref(), Some("https://www.bbc.com/weather"));
    }

    #[test]
    fn unsafe_values_are_dropped() {
        let q =
            "embed=1&parent=javascript:alert(1)&exit=javascript%3Aalert(1)&accent=red;x&lang=xx";
        let c = parse(q, &taxonomy(), &["en"]).unwrap();
        assert_eq!(
            (c.parent, c.exit, c.accent, c.lang),
            (None, None, None, None)
        );
        assert_eq!(
            parse("embed=1&parent=https://a.example/path", &taxonomy(), &[])
                .unwrap()
                .parent,
            None,
            "an origin has no path"
        );
        let plain = parse(
            "embed=1&exit=http%3A%2F%2Fwww.example.org%2Fweather",
            &taxonomy(),
            &[],
        )
        .unwrap();
        assert_eq!(
            plain.exit, None,
            "an http exit page could be read or replaced on the way: https only"
        );
    }

    #[test]
    fn decodes_percent_and_plus() {
        assert_eq!(decode("a%20b+c%2C"), "a b c,");
        assert_eq!(decode("bad%zz"), "bad%zz");
        assert_eq!(decode("end%4"), "end%4");
    }
}
