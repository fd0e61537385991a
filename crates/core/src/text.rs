//! Text normalisation shared by the search index, highlighting and the CLI.
//!
//! Searching folds case and diacritics once, so `inmigración`,
//! `Inmigracion` and `inmigracion` are the same word (and `nhà ở`, `nha o`;
//! `Жильё`, `жилье`; `أمان`, `امان`), and the browser never folds a record
//! twice. Chinese, Japanese and Thai, written without spaces between
//! words, are cut into overlapping pairs of characters (`住房援助` is
//! `住房`, `房援`, `援助`): a query's pairs then find the text's, with no
//! dictionary to ship.

/// What one character is to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// Part of a word, folded.
    Letter(char),
    /// A character of a script written without spaces: a word of its own,
    /// searched in pairs with its neighbours.
    Dense(char),
    /// A mark written on the character before it (Thai vowels and tones):
    /// part of that character.
    Mark(char),
    /// A mark that search ignores (Latin accents written as separate
    /// characters, Arabic vowel signs, the Arabic stretching stroke).
    Ignore,
    /// Between words.
    Break,
}

fn fold(c: char) -> Fold {
    if c.is_ascii_alphanumeric() {
        return Fold::Letter(c.to_ascii_lowercase());
    }
    if c.is_ascii() {
        return Fold::Break;
    }
    let u = c as u32;
    let letter = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            'e'
        }
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' | 'ĩ' | 'Ĩ' => {
            'i'
        }
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'ơ' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ơ' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
        'ť' | 'ţ' | 'Ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ư' | 'ũ' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů'
        | 'Ư' | 'Ũ' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        // Russian: lowercase, and ё as е (most texts write е for both).
        'ё' | 'Ё' => 'е',
        // Arabic: the letter forms people type interchangeably.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ئ' | 'ی' => 'ي',
        'ؤ' => 'و',
        'ک' => 'ك',
        _ => match u {
            // Vietnamese letters with a tone mark (Latin Extended Additional).
            0x1EA0..=0x1EB7 => 'a',
            0x1EB8..=0x1EC7 => 'e',
            0x1EC8..=0x1ECB => 'i',
            0x1ECC..=0x1EE3 => 'o',
            0x1EE4..=0x1EF1 => 'u',
            0x1EF2..=0x1EF9 => 'y',
            // Cyrillic capitals.
            0x0410..=0x042F => char::from_u32(u + 0x20).unwrap_or(c),
            0x0400..=0x040F => char::from_u32(u + 0x50).unwrap_or(c),
            // Digits of other scripts (Arabic-Indic, Persian, Thai) and
            // full-width letters and digits, as typed on CJK keyboards.
            0x0660..=0x0669 => char::from_u32(u - 0x0660 + 0x30).unwrap_or(c),
            0x06F0..=0x06F9 => char::from_u32(u - 0x06F0 + 0x30).unwrap_or(c),
            0x0E50..=0x0E59 => char::from_u32(u - 0x0E50 + 0x30).unwrap_or(c),
            0xFF10..=0xFF19 => char::from_u32(u - 0xFF10 + 0x30).unwrap_or(c),
            0xFF21..=0xFF3A => char::from_u32(u - 0xFF21 + 0x61).unwrap_or(c),
            0xFF41..=0xFF5A => char::from_u32(u - 0xFF41 + 0x61).unwrap_or(c),
            // Accents as separate characters, Arabic vowel signs and the
            // stretching stroke.
            0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0640 => return Fold::Ignore,
            // Thai vowel and tone marks sit on the consonant before them.
            0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E => return Fold::Mark(c),
            // Thai, Chinese and Japanese: no spaces between words.
            0x0E01..=0x0E30
            | 0x0E32
            | 0x0E33
            | 0x0E40..=0x0E46
            | 0x3040..=0x30FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF => return Fold::Dense(c),
            // Other scripts keep their case: Unicode's lowercase tables would
            // add 12 KB to the wasm for letters no catalogue uses.
            _ if c.is_alphanumeric() => c,
            _ => return Fold::Break,
        },
    };
    Fold::Letter(letter)
}

/// Folds one character to its lowercase ASCII form where one exists.
/// Returns `None` for characters that separate words or that search
/// ignores.
pub fn fold_char(c: char) -> Option<char> {
    match fold(c) {
        Fold::Letter(f) | Fold::Dense(f) | Fold::Mark(f) => Some(f),
        Fold::Ignore | Fold::Break => None,
    }
}

/// A word found in a text: its folded form and where it sits in the original,
/// as byte offsets, so a match can be highlighted in the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// Calls `f` with each folded word of `text` and its byte range in `text`,
/// folded into one reused buffer: the index build folds every word of
/// every record, and giving each its own allocation was most of its time.
/// A run of characters of a script written without spaces gives each pair
/// of neighbours (one character alone is its own word).
pub fn each_token(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut word = String::new();
    let (mut start, mut end) = (0, 0);
    // The current run of dense characters: each one's folded form (with
    // its marks) and byte range.
    let mut run: Vec<(String, usize, usize)> = Vec::new();
    let flush_run = |run: &mut Vec<(String, usize, usize)>,
                     word: &mut String,
                     f: &mut dyn FnMut(&str, usize, usize)| {
        if let [(one, s, e)] = run.as_slice() {
            f(one, *s, *e);
        }
        for pair in run.windows(2) {
            word.clear();
            word.push_str(&pair[0].0);
            word.push_str(&pair[1].0);
            f(word, pair[0].1, pair[1].2);
        }
        word.clear();
        run.clear();
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // ASCII outside a run of dense characters (most of most records):
        // a letter, a digit or a break, with no decoding. What `fold` says
        // of an ASCII character, at about two thirds of the index build's
        // cost per word.
        if b.is_ascii() && run.is_empty() {
            if b.is_ascii_alphanumeric() {
                if word.is_empty() {
                    start = at;
                }
                word.push(char::from(b.to_ascii_lowercase()));
                end = at + 1;
            } else if !word.is_empty() {
                f(&word, start, end);
                word.clear();
            }
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let next = at + c.len_utf8();
        match fold(c) {
            Fold::Letter(folded) => {
                if !run.is_empty() {
                    flush_run(&mut run, &mut word, &mut f);
                }
                if word.is_empty() {
                    start = at;
                }
                word.push(folded);
                end = next;
            }
            Fold::Dense(folded) => {
                if !word.is_empty() {
                    f(&word, start, end);
                    word.clear();
                }
                run.push((folded.to_string(), at, next));
            }
            Fold::Mark(mark) => match run.last_mut() {
                Some(last) => {
                    last.0.push(mark);
                    last.2 = next;
                }
                None if !word.is_empty() => end = next,
                None => {}
            },
            Fold::Ignore => {
                if let Some(last) = run.last_mut() {
                    last.2 = next;
                } else if !word.is_empty() {
                    end = next;
                }
            }
            Fold::Break => {
                if !run.is_empty() {
                    flush_run(&mut run, &mut word, &mut f);
                } else if !word.is_empty() {
                    f(&word, start, end);
                    word.clear();
                }
            }
        }
        at = next;
    }
    if !run.is_empty() {
        flush_run(&mut run, &mut word, &mut f);
    } else if !word.is_empty() {
        f(&word, start, end);
    }
}

/// Splits a text into folded words, keeping their original byte ranges.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_token(text, |folded, start, end| {
        out.push(Token {
            folded: folded.to_string(),
            start,
            end,
        })
    });
    out
}

/// Calls `f` with each folded word of `text` (see `each_token`).
pub fn each_word(text: &str, mut f: impl FnMut(&str)) {
    each_token(text, |word, _, _| f(word));
}

/// The folded words of a text, without positions.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text).into_iter().map(|t| t.folded)
}

/// The byte length, in `original`, of the shortest prefix whose folded form
/// covers `folded_chars` characters. Used to highlight a prefix match.
pub fn original_prefix_len(original: &str, folded_chars: usize) -> usize {
    let mut seen = 0;
    for (at, c) in original.char_indices() {
        let counts = matches!(fold(c), Fold::Letter(_) | Fold::Dense(_));
        if seen >= folded_chars && counts {
            return at;
        }
        if counts {
            seen += 1;
        }
    }
    original.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spanish_and_case() {
        let w: Vec<_> = words("Asesoría de INMIGRACIÓN, niños").collect();
        assert_eq!(w, ["asesoria", "de", "inmigracion", "ninos"]);
    }

    #[test]
    fn keeps_original_ranges() {
        let t = tokens("¡Hola, señora!");
        assert_eq!(t.len(), 2);
        assert_eq!(&"¡Hola, señora!"[t[1].start..t[1].end], "señora");
        assert_eq!(original_prefix_len("señora", 3), "señ".len());
    }

    #[test]
    fn folds_vietnamese_russian_and_arabic() {
        let w: Vec<_> = words("Nhà ở AN TOÀN, Trợ giúp pháp lý").collect();
        assert_eq!(w, ["nha", "o", "an", "toan", "tro", "giup", "phap", "ly"]);
        // The same words with their accents written as separate marks.
        let decomposed: Vec<_> = words("Nha\u{300} o\u{31b}\u{309}").collect();
        assert_eq!(decomposed, ["nha", "o"]);
        let w: Vec<_> = words("Жильё ЮРИСТ").collect();
        assert_eq!(w, ["жилье", "юрист"]);
        // Hamza forms, ta marbuta, alef maksura and vowel signs.
        let w: Vec<_> = words("مُساعَدة قانونيّة أمان إيواء مأوى").collect();
        assert_eq!(w, ["مساعده", "قانونيه", "امان", "ايواء", "ماوي"]);
        let w: Vec<_> = words("٩١١ ９８８").collect();
        assert_eq!(w, ["911", "988"]);
    }

    #[test]
    fn cuts_chinese_and_thai_into_pairs() {
        let w: Vec<_> = words("住房援助").collect();
        assert_eq!(w, ["住房", "房援", "援助"]);
        let w: Vec<_> = words("法律 help 律师。").collect();
        assert_eq!(w, ["法律", "help", "律师"]);
        assert_eq!(words("房").collect::<Vec<_>>(), ["房"]);
        // Thai marks stay on their consonant: ที่ พัก is two characters.
        let t = tokens("ที่พัก");
        assert_eq!(
            t.iter().map(|t| t.folded.as_str()).collect::<Vec<_>>(),
            ["ที่พั", "พัก"]
        );
        assert_eq!(&"ที่พัก"[t[1].start..t[1].end], "พัก");
        let t = tokens("找住房");
        assert_eq!(&"找住房"[t[1].start..t[1].end], "住房");
        assert_eq!(original_prefix_len("住房", 1), "住".len());
    }

    #[test]
    fn digits_are_words() {
        let w: Vec<_> = words("Call 1-888-373-7888, 24/7").collect();
        assert_eq!(w, ["call", "1", "888", "373", "7888", "24", "7"]);
    }
}

/// A piece of free text: plain words, or a US phone number to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The number as written, and the digits to dial (`tel:` form).
    Phone(&'a str, String),
}

/// Splits free text ("Call 1-800-656-4673 or text 988") into text and the
/// US phone numbers in it, so each number can become a tap-to-call link. A
/// number is 10 digits (or 11 starting with 1) in the usual groupings
/// (`1-800-656-4673`, `(619) 555-0100`, `619.555.0100`), or 988 / 911 as
/// a word of their own; anything else (dates, ZIP codes, ids) stays text.
pub fn phone_pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let (mut i, mut plain) = (0, 0);
    while i < bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        match boundary.then(|| phone_at(bytes, i)).flatten() {
            Some((end, dial)) => {
                if plain < i {
                    pieces.push(Piece::Text(&text[plain..i]));
                }
                pieces.push(Piece::Phone(&text[i..end], dial));
                (i, plain) = (end, end);
            }
            None => i += 1,
        }
    }
    if plain < text.len() {
        pieces.push(Piece::Text(&text[plain..]));
    }
    pieces
}

/// A phone number starting at byte `at`: where it ends, and its digits.
fn phone_at(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let ends_word = |i: usize| !bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    // 988 and 911 as words of their own.
    if digit(at) && digit(at + 1) && digit(at + 2) && ends_word(at + 3) {
        let short = &bytes[at..at + 3];
        if short == b"988" || short == b"911" {
            return Some((at + 3, short.iter().map(|&b| b as char).collect()));
        }
    }
    let mut i = at;
    let mut digits = String::new();
    // An optional leading 1 and separator.
    if bytes.get(i) == Some(&b'1') && matches!(bytes.get(i + 1), Some(b'-' | b' ' | b'.')) {
        digits.push('1');
        i += 2;
    }
    // Area code: 3 digits, or (3 digits).
    let paren = bytes.get(i) == Some(&b'(');
    if paren {
        i += 1;
    }
    for _ in 0..3 {
        if !digit(i) {
            return None;
        }
        digits.push(bytes[i] as char);
        i += 1;
    }
    if paren {
        if bytes.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    } else if matches!(bytes.get(i), Some(b'-' | b' ' | b'.')) {
        i += 1;
    } else {
        return None;
    }
    let group = |i: &mut usize, n: usize, digits: &mut String| -> bool {
        for _ in 0..n {
            if !digit(*i) {
                return false;
            }
            digits.push(bytes[*i] as char);
            *i += 1;
        }
        true
    };
    if !group(&mut i, 3, &mut digits) || !matches!(bytes.get(i), Some(b'-' | b' ' | b'.')) {
        return None;
    }
    i += 1;
    if !group(&mut i, 4, &mut digits) || !ends_word(i) {
        return None;
    }
    Some((i, digits))
}

#[cfg(test)]
mod phone_tests {
    use super::{phone_pieces, Piece};

    #[test]
    fn numbers_in_free_text_become_phone_pieces() {
        assert_eq!(
            phone_pieces("Call 1-800-656-4673 (24/7) or (619) 555-0100."),
            [
                Piece::Text("Call "),
                Piece::Phone("1-800-656-4673", "18006564673".into()),
                Piece::Text(" (24/7) or "),
                Piece::Phone("(619) 555-0100", "6195550100".into()),
                Piece::Text("."),
            ]
        );
        assert_eq!(
            phone_pieces("Call or text 988."),
            [
                Piece::Text("Call or text "),
                Piece::Phone("988", "988".into()),
                Piece::Text(".")
            ]
        );
    }

    #[test]
    fn dates_zips_ids_and_longer_numbers_stay_text() {
        for text in [
            "Open 2026-11-28",
            "ZIP 92101",
            "case 12345678901",
            "1-800-656-46734",
            "room 9880",
            "ref A619-555-0100",
            "Señor 619.555.010",
        ] {
            assert!(
                phone_pieces(text)
                    .iter()
                    .all(|p| matches!(p, Piece::Text(_))),
                "{text}"
            );
        }
        assert_eq!(phone_pieces(""), []);
        assert_eq!(
            phone_pieces("Llame al 619.555.0100 ¿sí?")[1],
            Piece::Phone("619.555.0100", "6195550100".into())
        );
    }
}
