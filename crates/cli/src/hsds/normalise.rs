//! Turning the values real exports hold into clean ones, or saying why not.
//!
//! Every function here is pure: it returns the clean value, or `None` / an
//! `Err` with what was wrong, and the caller turns that into a warning that
//! names the file, record and field. Nothing here guesses: a value that
//! cannot be read as what it claims to be is reported, never "fixed" beyond
//! normalising its notation.

use waypoint_core::model::Date;

/// Several phone numbers may share one free-text field ("650 780-7525 or
/// 650-780-7526 ext. 12"). Returns the dialable numbers, normalised, and
/// the fragments that are not dialable, as written.
///
/// Normalised means: US numbers as `650-780-7525` or `1-888-373-7888`,
/// international numbers (written with `+`) as `+` and digits, N11 codes,
/// 988 and SMS short codes as digits, an extension as ` x123`.
pub fn parse_phones(raw: &str, extension: &str) -> (Vec<String>, Vec<String>) {
    let text = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let mut numbers = Vec::new();
    let mut rejected = Vec::new();
    if text.is_empty() {
        return (numbers, rejected);
    }
    let chunks = phone_chunks(text);
    if chunks.is_empty() {
        // Text with no digits at all: "call the front desk", "N/A".
        rejected.push(text.to_string());
    }
    // A short code (911, 988, an SMS code) counts only when it stands alone:
    // beside other numbers, three to six digits are more likely a suite or
    // a ZIP code than something to dial.
    let alone = chunks.len() == 1;
    for chunk in &chunks {
        match split_chunk(&chunk.groups, chunk.plus, alone) {
            Some(mut found) => {
                if let (Some(e), Some(last)) = (&chunk.extension, found.last_mut()) {
                    last.push_str(&format!(" x{e}"));
                }
                numbers.extend(found);
            }
            None => rejected.push(format!(
                "{}{}",
                if chunk.plus { "+" } else { "" },
                &text[chunk.start..chunk.end]
            )),
        }
    }
    let extension = extension.trim().trim_end_matches(".0");
    if !extension.is_empty() && numbers.len() == 1 && !numbers[0].contains(" x") {
        if extension.chars().all(|c| c.is_ascii_digit()) {
            numbers[0].push_str(&format!(" x{extension}"));
        } else {
            rejected.push(format!("extension {extension}"));
        }
    }
    numbers.dedup();
    (numbers, rejected)
}

/// A run of digit groups joined only by phone punctuation, with the
/// extension written after it, if any.
struct PhoneChunk {
    groups: Vec<String>,
    plus: bool,
    extension: Option<String>,
    /// Byte range of the digits in the field, for the warning.
    start: usize,
    end: usize,
}

fn phone_chunks(text: &str) -> Vec<PhoneChunk> {
    // Alternating runs of digits and of everything else.
    let mut runs: Vec<(bool, usize, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        let digit = c.is_ascii_digit();
        match runs.last_mut() {
            Some((d, _, end)) if *d == digit => *end = at + c.len_utf8(),
            _ => runs.push((digit, at, at + c.len_utf8())),
        }
    }
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        if !runs[i].0 {
            i += 1;
            continue;
        }
        let plus = i > 0 && text[runs[i - 1].1..runs[i - 1].2].trim_end().ends_with('+');
        let mut chunk = PhoneChunk {
            groups: Vec::new(),
            plus,
            extension: None,
            start: runs[i].1,
            end: runs[i].2,
        };
        let mut j = i;
        while j < runs.len() {
            let (digit, start, end) = runs[j];
            let piece = &text[start..end];
            if digit {
                chunk.groups.push(piece.to_string());
                chunk.end = end;
            } else if j + 1 < runs.len() && is_phone_punctuation(piece) {
                // Joins two groups of one number: keep going.
            } else if j + 1 < runs.len() && is_extension_marker(piece) {
                let (_, s, e) = runs[j + 1];
                chunk.extension = Some(text[s..e].to_string());
                j += 2;
                break;
            } else {
                break;
            }
            j += 1;
        }
        chunks.push(chunk);
        i = j.max(i + 1);
    }
    chunks
}

/// What may sit between the digit groups of one number.
fn is_phone_punctuation(sep: &str) -> bool {
    sep.len() <= 3
        && sep
            .chars()
            .all(|c| matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}'))
}

fn is_extension_marker(sep: &str) -> bool {
    let core: String = sep
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ',' | ':' | '(' | ')' | '-' | ';'))
        .collect();
    matches!(
        core.to_ascii_lowercase().as_str(),
        "x" | "ext" | "extn" | "extension" | "#" | "ext#" | "x#"
    )
}

/// One run of digit groups → one or more numbers, or `None` when the digits
/// cannot be read as dialable numbers without guessing.
fn split_chunk(groups: &[String], plus: bool, alone: bool) -> Option<Vec<String>> {
    let all: String = groups.concat();
    if plus {
        // E.164: at most 15 digits; the shortest real ones have 8.
        return (8..=15)
            .contains(&all.len())
            .then(|| vec![format_international(&all)]);
    }
    if groups.len() == 1 && alone {
        if let Some(short) = short_code(&all) {
            return Some(vec![short]);
        }
    }
    // Split the groups into consecutive US numbers (10 digits, or 11 with a
    // leading 1), so "650 780 7525 650 780 7526" is two numbers and a stray
    // or missing digit is refused rather than absorbed.
    let mut best: Vec<Option<Vec<String>>> = vec![None; groups.len() + 1];
    best[0] = Some(Vec::new());
    for end in 1..=groups.len() {
        for start in 0..end {
            let Some(before) = best[start].clone() else {
                continue;
            };
            let digits = groups[start..end].concat();
            if let Some(n) = format_us(&digits) {
                let mut list = before;
                list.push(n);
                best[end] = Some(list);
                break;
            }
        }
    }
    best[groups.len()].clone().filter(|l| !l.is_empty())
}

fn short_code(digits: &str) -> Option<String> {
    let n11 = digits.len() == 3
        && digits.ends_with("11")
        && !digits.starts_with('0')
        && !digits.starts_with('1');
    // 988 (crisis line); 5 and 6 digits: SMS short codes such as 233733.
    (n11 || digits == "988" || matches!(digits.len(), 5 | 6)).then(|| digits.to_string())
}

fn format_us(digits: &str) -> Option<String> {
    let area_ok = |d: &str| !d.starts_with('0') && !d.starts_with('1');
    match digits.len() {
        10 if area_ok(digits) => Some(format!(
            "{}-{}-{}",
            &digits[..3],
            &digits[3..6],
            &digits[6..]
        )),
        11 if digits.starts_with('1') && area_ok(&digits[1..]) => Some(format!(
            "1-{}-{}-{}",
            &digits[1..4],
            &digits[4..7],
            &digits[7..]
        )),
        _ => None,
    }
}

fn format_international(digits: &str) -> String {
    match format_us(digits) {
        Some(us) if digits.len() == 11 => format!("+{us}"),
        _ => format!("+{digits}"),
    }
}

/// HSDS phone types (RFC 6350 names) → Waypoint's kinds.
pub fn phone_kind(raw: &str) -> Option<&'static str> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" | "voice" | "cell" | "mobile" | "main" | "work" | "office" | "phone" | "video"
        | "pager" | "toll free" | "toll-free" => Some("voice"),
        "hotline" | "crisis" | "crisis line" | "helpline" => Some("hotline"),
        "text" | "sms" => Some("text"),
        "fax" => Some("fax"),
        "tty" | "textphone" | "tdd" | "tty/tdd" => Some("tty"),
        _ => None,
    }
}

/// `"9:00am"`, `"5 PM"`, `"17:00"`, `"17:00:00"`, `"0900"`, `"noon"`,
/// `"10:00:00-05:00"` → minutes after midnight. `24:00` ends a day.
pub fn parse_time(raw: &str) -> Option<u16> {
    let s = raw.trim().to_ascii_lowercase().replace('.', ":");
    let s = s.trim_end_matches(':');
    match s {
        "noon" | "12 noon" | "12:00 noon" | "midday" => return Some(12 * 60),
        "midnight" | "12 midnight" | "12:00 midnight" => return Some(0),
        _ => {}
    }
    let (body, meridiem) = split_meridiem(s);
    // An RFC 3339 time may carry a zone ("Z", "+01:00"): the zone of a
    // service is not kept per period, so it is ignored here.
    let body = body.trim().trim_end_matches('z');
    let body = match body.find(['+', '-']) {
        Some(at) if at >= 4 => &body[..at],
        _ => body,
    };
    let parts: Vec<&str> = body.split(':').map(str::trim).collect();
    let (h, m): (u16, u16) = match parts.as_slice() {
        // "0930": four ASCII digits (a byte slice of other text could cut a
        // character in two).
        [hm] if hm.len() == 4 && hm.bytes().all(|b| b.is_ascii_digit()) && meridiem.is_none() => {
            (hm[..2].parse().ok()?, hm[2..].parse().ok()?)
        }
        [h] => (h.parse().ok()?, 0),
        [h, m] | [h, m, _] => {
            if let [_, _, sec] = parts.as_slice() {
                let sec: f32 = sec.parse().ok()?;
                if !(0.0..60.0).contains(&sec) {
                    return None;
                }
            }
            (h.parse().ok()?, m.parse().ok()?)
        }
        _ => return None,
    };
    if m >= 60 || parts.iter().any(|p| p.is_empty() || p.len() > 6) {
        return None;
    }
    let h = match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            (h % 12) + if pm { 12 } else { 0 }
        }
        None => h,
    };
    (h < 24 || (h == 24 && m == 0)).then(|| h * 60 + m)
}

fn split_meridiem(s: &str) -> (&str, Option<bool>) {
    for (suffix, pm) in [
        ("a:m:", false),
        ("p:m:", true),
        ("a:m", false),
        ("p:m", true),
        ("am", false),
        ("pm", true),
        ("a", false),
        ("p", true),
    ] {
        if let Some(body) = s.strip_suffix(suffix) {
            if body
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_digit() || c == ' ')
            {
                return (body.trim(), Some(pm));
            }
        }
    }
    (s, None)
}

pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const RRULE_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// A weekday as 1.x/2.x exports write it: "Monday", "mon", "Tues", "MO",
/// or a number (ISO 8601: 1 = Monday … 7 = Sunday; 0 is Sunday too).
pub fn parse_weekday(raw: &str) -> Option<u8> {
    let s = raw.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<u8>() {
        return match n {
            0 | 7 => Some(6),
            1..=6 => Some(n - 1),
            _ => None,
        };
    }
    if s.len() < 2 {
        return None;
    }
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let s = s.trim_end_matches('.');
    FULL.iter().position(|d| d.starts_with(s)).map(|d| d as u8)
}

/// An RRULE `BYDAY` list ("MO,TU,WE") → day numbers. Positional days
/// ("1MO", the first Monday of a month) have no weekly meaning: `Err`.
pub fn parse_byday(raw: &str) -> Result<Vec<u8>, String> {
    let mut days = Vec::new();
    for part in raw
        .split([',', ' ', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if part
            .chars()
            .any(|c| c.is_ascii_digit() || c == '+' || c == '-')
        {
            return Err(format!("{part:?} is a day of the month, not of the week"));
        }
        match parse_weekday(part) {
            Some(d) => days.push(d),
            None => return Err(format!("{part:?} is not a day")),
        }
    }
    days.sort_unstable();
    days.dedup();
    Ok(days)
}

/// Day numbers → Waypoint's notation, canonical: runs of three or more
/// days as a range ("mon-fri"), others listed ("sat,sun").
pub fn days_notation(days: &[u8]) -> String {
    let mut days: Vec<u8> = days.iter().copied().filter(|d| *d < 7).collect();
    days.sort_unstable();
    days.dedup();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!(
                "{}-{}",
                DAY_NAMES[days[i] as usize], DAY_NAMES[days[j] as usize]
            ));
        } else {
            parts.extend(
                days[i..=j]
                    .iter()
                    .map(|d| DAY_NAMES[*d as usize].to_string()),
            );
        }
        i = j + 1;
    }
    parts.join(",")
}

pub fn rrule_days(days: &[u8]) -> String {
    days.iter()
        .filter(|d| **d < 7)
        .map(|d| RRULE_DAYS[*d as usize])
        .collect::<Vec<_>>()
        .join(",")
}

/// `2024-01-05`, `2024-01-05T10:30:45.123Z`, `2024/01/05`, or the US
/// `1/5/2024` → a date.
pub fn parse_date(raw: &str) -> Option<Date> {
    let s = raw.trim();
    let day_part = s.split(['T', ' ']).next().unwrap_or(s);
    if let Some(d) = Date::parse(&day_part.replace('/', "-")) {
        return Some(d);
    }
    let parts: Vec<&str> = day_part.split('/').collect();
    if let [m, d, y] = parts.as_slice() {
        if y.len() == 4 {
            return Date::parse(&format!("{y}-{m:0>2}-{d:0>2}"));
        }
    }
    None
}

/// A web address written without its scheme ("www.example.org",
/// "example.org/path") as `https://…`; `None` for anything that does not
/// look like a host name: text, emails, other schemes.
pub fn with_scheme(raw: &str) -> Option<String> {
    let u = raw.trim();
    let host = u.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            ""
        }
    });
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    let is_host = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic());
    (is_host && !u.contains(char::is_whitespace)).then(|| format!("https://{u}"))
}

/// Clean text, and what had to be done to it.
#[derive(Debug, Default, PartialEq)]
pub struct Cleaned {
    pub text: String,
    pub had_markup: bool,
    pub removed_hidden: bool,
    pub truncated_from: Option<usize>,
    /// Literal `\n` sequences (backslash, n) turned into line breaks.
    pub literal_breaks: bool,
    /// `###MON###`-style markers an export left in the text, removed.
    pub markers: Vec<String>,
    /// The export cut the text at this many characters (a database field's
    /// size) mid-sentence; it now ends at a whole word with "…".
    pub cut_by_export: Option<usize>,
    /// A dash left dangling at the end ("ARCH Training Center -").
    pub dangling: bool,
}

/// Field sizes at which exports cut text: a text of exactly this many
/// characters that stops mid-sentence was cut, not written that way.
const EXPORT_FIELD_SIZES: &[usize] = &[
    250, 255, 256, 500, 512, 1000, 1024, 2000, 2048, 4000, 4096, 8000,
];

/// Strips HTML tags, decodes entities, removes control and direction
/// characters, tidies whitespace and caps the length. Idempotent, so text
/// that went through it once comes back unchanged (the round trip relies
/// on this). `None` when nothing is left.
pub fn clean_text(raw: &str, max_chars: usize) -> Option<Cleaned> {
    let mut out = Cleaned::default();
    let mut text = raw.to_string();
    // Decoding can reveal markup (`&lt;b&gt;`) and stripping can reveal
    // entities; a few passes reach a fixed point on any real text.
    for _ in 0..4 {
        let (stripped, tags) = strip_tags(&text);
        let (decoded, entities) = decode_entities(&stripped);
        if !tags && !entities {
            break;
        }
        out.had_markup = true;
        text = decoded;
    }
    // Exports that escaped their line breaks twice write them as the two
    // characters `\` `n`; a reader needs the break itself.
    if text.contains("\\n") {
        out.literal_breaks = true;
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n");
    }
    let (text, markers) = remove_markers(&text);
    out.markers = markers;
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' || c == '\u{a0}' {
            clean.push(' ');
        } else if c == '\r' {
            continue;
        } else if c.is_control() && c != '\n' || is_hidden(c) {
            out.removed_hidden = true;
        } else {
            clean.push(c);
        }
    }
    // One space between words, no space at either end of a line, at most one
    // blank line between paragraphs.
    let mut lines: Vec<String> = Vec::new();
    for line in clean.split('\n') {
        let line = line
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut text = lines.join("\n");
    let whole = |t: &str| t.ends_with(['.', '!', '?', ')', '"', '\'', '”', '…']);
    if EXPORT_FIELD_SIZES.contains(&raw.chars().count()) && !whole(&text) {
        let at = text
            .rfind(char::is_whitespace)
            .filter(|&at| at > text.len() / 2)
            .unwrap_or(text.len());
        text = format!(
            "{}…",
            text[..at].trim_end_matches(|c: char| c.is_whitespace() || ",;:-".contains(c))
        );
        out.cut_by_export = Some(raw.chars().count());
    }
    // A dash after a space at the very end joins nothing.
    let trimmed = text.trim_end_matches([' ', '-', '–', '—']);
    if trimmed.len() < text.len() && text[trimmed.len()..].starts_with(' ') && !trimmed.is_empty() {
        out.dangling = true;
        text = trimmed.to_string();
    }
    let count = text.chars().count();
    if count > max_chars {
        let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        let cut = match cut.rfind(char::is_whitespace) {
            Some(at) if at > cut.len() / 2 => cut[..at].trim_end().to_string(),
            _ => cut,
        };
        text = format!("{cut}…");
        out.truncated_from = Some(count);
    }
    out.text = text;
    (!out.text.is_empty()).then_some(out)
}

/// Removes markers of the form `###MON###` (letters or digits between
/// triple hashes), which some 211 exports append as county codes; returns
/// the text and the markers, each once, in the order found.
fn remove_markers(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut markers: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("###") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let body_len = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        if body_len > 0 && after[body_len..].starts_with("###") {
            let marker = &rest[at..at + 3 + body_len + 3];
            if !markers.iter().any(|m| m == marker) {
                markers.push(marker.to_string());
            }
            rest = &after[body_len + 3..];
        } else {
            out.push_str("###");
            rest = after;
        }
    }
    out.push_str(rest);
    (out, markers)
}

fn is_hidden(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}')
}

/// Removes tags (`<p>`, `</b >`, `<br/>`, `<!-- -->`) and the contents of
/// `<script>` and `<style>`; block-level tags become line breaks. A `<`
/// that does not start a tag ("under <18") stays.
fn strip_tags(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut found = false;
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        if let Some(end) = after.strip_prefix("<!--").and_then(|r| r.find("-->")) {
            found = true;
            rest = &after[4 + end + 3..];
            continue;
        }
        let Some(close) = after.find('>') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let inner = &after[1..close];
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let is_tag = !name.is_empty()
            && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && !inner.contains('<')
            && (inner.len() == name.len() + usize::from(inner.starts_with('/'))
                || inner[usize::from(inner.starts_with('/')) + name.len()..]
                    .starts_with([' ', '/', '\n', '\t']));
        if !is_tag {
            out.push('<');
            rest = &after[1..];
            continue;
        }
        found = true;
        let lower = name.to_ascii_lowercase();
        rest = &after[close + 1..];
        if (lower == "script" || lower == "style") && !inner.starts_with('/') {
            let closing = format!("</{lower}");
            match rest.to_ascii_lowercase().find(&closing) {
                Some(end) => {
                    let tail = &rest[end..];
                    rest = tail.find('>').map(|e| &tail[e + 1..]).unwrap_or("");
                }
                None => rest = "",
            }
            continue;
        }
        if matches!(
            lower.as_str(),
            "br" | "p"
                | "div"
                | "li"
                | "ul"
                | "ol"
                | "tr"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "table"
        ) {
            out.push('\n');
        } else if !out.ends_with(' ')
            && !rest.starts_with(' ')
            && matches!(lower.as_str(), "td" | "th")
        {
            out.push(' ');
        }
    }
    out.push_str(rest);
    (out, found)
}

fn decode_entities(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut found = false;
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| entity(&after[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                found = true;
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    (out, found)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "uuml" => 'ü',
        "Eacute" => 'É',
        "iquest" => '¿',
        "iexcl" => '¡',
        _ => return None,
    })
}

/// "yes", "TRUE", "1", "Y", "x" → true; "no", "false", "0", "" → false.
pub fn parse_bool(raw: &str) -> Option<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "true" | "t" | "yes" | "y" | "1" | "x" => Some(true),
        "false" | "f" | "no" | "n" | "0" | "" => Some(false),
        _ => None,
    }
}

/// An age in years, 0 to 120.
pub fn parse_age(raw: &str) -> Option<u8> {
    let n: f64 = raw.trim().parse().ok()?;
    (n.fract() == 0.0 && (0.0..=120.0).contains(&n)).then_some(n as u8)
}

/// A coordinate within `limit` degrees; (0, 0) is the usual placeholder for
/// "unknown", so the caller drops it.
pub fn parse_degrees(raw: &str, limit: f64) -> Option<f32> {
    let n: f64 = raw.trim().parse().ok()?;
    (n.is_finite() && n.abs() <= limit).then_some(n as f32)
}

/// First email address in a field that may hold several.
pub fn parse_emails(raw: &str) -> Vec<String> {
    raw.split([';', ',', ' ', '\n', '/'])
        .map(|e| {
            e.trim()
                .trim_start_matches("mailto:")
                .trim_matches(['<', '>', '"', '\''])
        })
        .filter(|e| is_email(e))
        .map(str::to_string)
        .collect()
}

fn is_email(e: &str) -> bool {
    match e.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && e.chars()
                    .all(|c| c.is_alphanumeric() || "@.+-_'".contains(c))
        }
        None => false,
    }
}

/// A stable, readable id from a name: lowercase ASCII words joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        match waypoint_core::text::fold_char(c).filter(char::is_ascii_alphanumeric) {
            Some(f) => out.push(f),
            None if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            None => {}
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phones(raw: &str) -> (Vec<String>, Vec<String>) {
        parse_phones(raw, "")
    }

    #[test]
    fn phones_normalise_split_and_refuse() {
        assert_eq!(phones("650 780-7525").0, ["650-780-7525"]);
        assert_eq!(phones("(650) 780-7525 ext. 12").0, ["650-780-7525 x12"]);
        assert_eq!(phones("650.780.7525 x 3").0, ["650-780-7525 x3"]);
        assert_eq!(phones("1-888-373-7888").0, ["1-888-373-7888"]);
        assert_eq!(phones("\"+44 1234 234567\"").0, ["+441234234567"]);
        assert_eq!(
            phones("650-780-7525 / 650-780-7526").0,
            ["650-780-7525", "650-780-7526"]
        );
        assert_eq!(
            phones("650 780 7525 or (650) 780-7526 #4").0,
            ["650-780-7525", "650-780-7526 x4"]
        );
        assert_eq!(
            phones("Main: 650-780-7525; Spanish: 650-780-7527").0,
            ["650-780-7525", "650-780-7527"]
        );
        assert_eq!(phones("911").0, ["911"]);
        assert_eq!(phones("Text 233733").0, ["233733"]);
        assert_eq!(phones("780-7525"), (vec![], vec!["780-7525".into()]));
        assert_eq!(
            phones("call the front desk"),
            (vec![], vec!["call the front desk".into()])
        );
        assert_eq!(
            phones("441234234567"),
            (vec![], vec!["441234234567".into()])
        );
        assert_eq!(
            phones("650-780-7525, 780-7526"),
            (vec!["650-780-7525".into()], vec!["780-7526".into()])
        );
        assert_eq!(parse_phones("650-780-7525", "123").0, ["650-780-7525 x123"]);
        assert_eq!(phones("").0, Vec::<String>::new());
    }

    #[test]
    fn times_in_every_notation() {
        for (raw, want) in [
            ("9:00am", Some(540)),
            ("9am", Some(540)),
            ("9 AM", Some(540)),
            ("5 PM", Some(1020)),
            ("5:30 p.m.", Some(1050)),
            ("12am", Some(0)),
            ("12:00 PM", Some(720)),
            ("17:00", Some(1020)),
            ("17:00:00", Some(1020)),
            ("0900", Some(540)),
            ("noon", Some(720)),
            ("24:00", Some(1440)),
            ("10:00:00-05:00", Some(600)),
            ("08:30:00Z", Some(510)),
            ("25:00", None),
            ("13pm", None),
            ("closed", None),
            ("", None),
        ] {
            assert_eq!(parse_time(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn days_parse_and_print() {
        assert_eq!(parse_weekday("Monday"), Some(0));
        assert_eq!(parse_weekday("tues"), Some(1));
        assert_eq!(parse_weekday("SU"), Some(6));
        assert_eq!(parse_weekday("7"), Some(6));
        assert_eq!(parse_weekday("0"), Some(6));
        assert_eq!(parse_weekday("x"), None);
        assert_eq!(parse_byday("MO,TU,WE,TH,FR"), Ok(vec![0, 1, 2, 3, 4]));
        assert!(parse_byday("1MO").is_err());
        assert_eq!(days_notation(&[0, 1, 2, 3, 4]), "mon-fri");
        assert_eq!(days_notation(&[5, 6]), "sat,sun");
        assert_eq!(days_notation(&[0, 2, 3, 4, 6]), "mon,wed-fri,sun");
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2023-03-15T10:30:45.123Z").map(|d| d.to_string()),
            Some("2023-03-15".into())
        );
        assert_eq!(
            parse_date("3/5/2024").map(|d| d.to_string()),
            Some("2024-03-05".into())
        );
        assert_eq!(
            parse_date("2024/03/05").map(|d| d.to_string()),
            Some("2024-03-05".into())
        );
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn markup_is_stripped_and_cleaning_is_idempotent() {
        let c = clean_text(
            "<p>Free &amp; confidential<br/>help.</p><script>alert(1)</script>",
            4000,
        )
        .unwrap();
        assert_eq!(c.text, "Free & confidential\nhelp.");
        assert!(c.had_markup);
        let again = clean_text(&c.text, 4000).unwrap();
        assert_eq!(again.text, c.text);
        assert!(!again.had_markup);
        assert_eq!(
            clean_text("Ages 12 < 18 & up", 100).unwrap().text,
            "Ages 12 < 18 & up"
        );
        assert!(!clean_text("Ages 12 < 18 & up", 100).unwrap().had_markup);
        assert_eq!(
            clean_text("  a \u{202E}b\t c  \n\n\n d ", 100)
                .unwrap()
                .text,
            "a b c\n\nd"
        );
        assert_eq!(clean_text("<b></b>", 100), None);
        // 99 words: 495 characters, not a field size an export cuts at.
        let long = clean_text(&"word ".repeat(99), 50).unwrap();
        assert!(long.text.chars().count() <= 50 && long.truncated_from == Some(494));
        // Exactly 500, stopping mid-sentence: the export's cut, marked.
        let cut = clean_text(&"word ".repeat(100), 4000).unwrap();
        assert_eq!(
            (cut.cut_by_export, cut.text.ends_with("word…")),
            (Some(500), true)
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Casa de Esperanza (Niños)"), "casa-de-esperanza-ninos");
        assert_eq!(slug("  --  "), "");
    }
}
