//! A text field read as a list, for formats that keep lists where the card keeps text
//! (Model Card Toolkit's use cases and limitations, CycloneDX's considerations): one item
//! is plain text, several are a Markdown list of `- ` items. One reader and one writer,
//! so that every format splits and joins the same way and a round trip keeps the text.

/// The items of a text: a Markdown list of `- ` items gives its items (continuation
/// lines, indented by two spaces, stay with their item); any other text is one item;
/// blank text is none.
pub fn items(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    if !text.starts_with("- ") {
        return vec![text.to_owned()];
    }
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        match line.strip_prefix("- ") {
            Some(item) => items.push(item.to_owned()),
            None => {
                if let Some(last) = items.last_mut() {
                    last.push('\n');
                    last.push_str(line.strip_prefix("  ").unwrap_or(line));
                }
            }
        }
    }
    items
}

/// The inverse of [`items`]: no items is blank, one is its text, several a Markdown list.
pub fn bullets(items: &[String]) -> String {
    match items {
        [one] => one.clone(),
        many => many
            .iter()
            .map(|item| format!("- {}", item.replace('\n', "\n  ")))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_plain_text_read_back_as_written() {
        for text in ["One use.", "- a\n- b\n  more of b\n- c", ""] {
            assert_eq!(bullets(&items(text)), text);
        }
        assert_eq!(items("- a\n- b\n  c"), ["a", "b\nc"]);
        assert_eq!(items("A - not a list"), ["A - not a list"]);
        assert!(items("  \n").is_empty());
    }
}
