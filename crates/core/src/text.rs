//! Text normalisation shared by the search index, highlighting and the CLI.
//!
//! Searching folds case and Latin diacritics once, so `inmigración`,
//! `Inmigracion` and `inmigracion` are the same word, and the browser never
//! folds a record twice.

/// Folds one character to its lowercase ASCII form where one exists.
/// Returns `None` for characters that separate words.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    if c.is_ascii() {
        return None;
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
        'ť' | 'ţ' | 'Ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        // Other scripts keep their case: Unicode's lowercase tables would
        // add 12 KB to the wasm for letters no catalogue uses yet.
        _ if c.is_alphanumeric() => c,
        _ => return None,
    };
    Some(folded)
}

/// A word found in a text: its folded form and where it sits in the original,
/// as byte offsets, so a match can be highlighted in the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// Splits a text into folded words, keeping their original byte ranges.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    for (at, c) in text.char_indices() {
        match fold_char(c) {
            Some(f) => {
                let token = current.get_or_insert_with(|| Token { folded: String::new(), start: at, end: at });
                token.folded.push(f);
                token.end = at + c.len_utf8();
            }
            None => {
                if let Some(token) = current.take() {
                    out.push(token);
                }
            }
        }
    }
    out.extend(current);
    out
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
        if seen >= folded_chars {
            return at;
        }
        if fold_char(c).is_some() {
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
    fn digits_are_words() {
        let w: Vec<_> = words("Call 1-888-373-7888, 24/7").collect();
        assert_eq!(w, ["call", "1", "888", "373", "7888", "24", "7"]);
    }
}
