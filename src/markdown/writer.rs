//! Writing Markdown blocks: headings, paragraphs, field lists, code, tables, datasets.
//! Every text is written so that it reads back as the same text: table cells on one
//! line with pipes escaped, code fenced longer than any backtick run inside it.

use crate::card::{Dataset, MetricResult};

use super::headings::one_line;

/// Appends Markdown blocks, one blank line apart.
#[derive(Default)]
pub struct Writer {
    pub out: String,
    /// Whether the last block is a list of `field`s that the next field extends.
    in_field_list: bool,
}

impl Writer {
    pub fn block(&mut self, text: &str) {
        self.in_field_list = false;
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
        if !text.ends_with('\n') {
            self.out.push('\n');
        }
    }

    pub fn heading(&mut self, level: usize, text: &str) {
        self.block(&format!("{} {}", "#".repeat(level), one_line(text)));
    }

    pub fn paragraph(&mut self, text: &str) {
        let text = text.trim_end();
        if !text.trim().is_empty() {
            self.block(text);
        }
    }

    /// A `- **Label:** value` item; consecutive fields form one list. Multi-line values
    /// are indented so they stay inside their item.
    pub fn field(&mut self, label: &str, value: &str) {
        if is_blank(value) {
            return;
        }
        let line = format!("- **{label}:** {}\n", item_value(value));
        if self.in_field_list {
            self.out.push_str(&line);
        } else {
            self.block(&line);
            self.in_field_list = true;
        }
    }

    pub fn code(&mut self, language: &str, code: &str) {
        self.block(&code_block(language, code));
    }

    pub fn table<const N: usize>(&mut self, headers: &[&str; N], rows: &[[&str; N]]) {
        let rows: Vec<Vec<String>> =
            rows.iter().map(|row| row.iter().map(|c| (*c).to_owned()).collect()).collect();
        self.dynamic_table(headers, &rows);
    }

    fn dynamic_table(&mut self, headers: &[&str], rows: &[Vec<String>]) {
        let mut text = format!("| {} |\n", headers.join(" | "));
        text.push_str(&format!("|{}\n", " --- |".repeat(headers.len())));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|cell| table_cell(cell)).collect();
            text.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        self.block(&text);
    }

    /// The results as a table, with only the columns some result fills in.
    pub fn results_table(&mut self, results: &[&MetricResult]) {
        type Column = (&'static str, fn(&MetricResult) -> String);
        let columns: [Column; 7] = [
            ("Metric", |r| r.metric.clone()),
            ("Value", |r| r.value.clone()),
            ("Dataset", |r| r.dataset.clone()),
            ("Split", |r| r.split.clone()),
            ("Slice", |r| {
                if r.slice.iter().all(|t| t.is_blank()) { String::new() } else { r.slice_label() }
            }),
            ("95% CI", |r| {
                if is_blank(&r.ci_lower) && is_blank(&r.ci_upper) {
                    String::new()
                } else {
                    format!("[{}, {}]", r.ci_lower.trim(), r.ci_upper.trim())
                }
            }),
            ("Threshold", |r| r.threshold.clone()),
        ];
        let used: Vec<&Column> = columns
            .iter()
            .enumerate()
            .filter(|(index, (_, cell))| *index < 2 || results.iter().any(|r| !is_blank(&cell(r))))
            .map(|(_, column)| column)
            .collect();
        let headers: Vec<&str> = used.iter().map(|(header, _)| *header).collect();
        let rows: Vec<Vec<String>> =
            results.iter().map(|r| used.iter().map(|(_, cell)| cell(r)).collect()).collect();
        self.dynamic_table(&headers, &rows);
    }

    pub fn datasets(&mut self, datasets: &[Dataset]) {
        for dataset in datasets.iter().filter(|d| !(is_blank(&d.name) && is_blank(&d.description)))
        {
            let name = if is_blank(&dataset.name) {
                "Unnamed dataset".to_owned()
            } else {
                one_line(&dataset.name)
            };
            let link = dataset_link(&dataset.link);
            self.paragraph(&match link {
                Some(url) => format!("**{name}** ([link]({url}))"),
                None => format!("**{name}**"),
            });
            self.paragraph(&dataset.description);
            self.field("Split", &dataset.split);
            self.field("Motivation", &dataset.motivation);
            self.field("Preprocessing", &dataset.preprocessing);
            if dataset.sensitive {
                let notes = dataset.sensitive_notes.trim();
                self.field(
                    "Sensitive data",
                    &if notes.is_empty() { "Yes".to_owned() } else { format!("Yes. {notes}") },
                );
            }
        }
    }
}

pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// An item's value as it follows `**Label:** `: trimmed, its continuation lines indented
/// so that they stay inside the item.
pub fn item_value(value: &str) -> String {
    indent_continuation(value.trim(), "  ")
}

/// A fenced code block, fenced longer than any backtick run inside it.
pub fn code_block(language: &str, code: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(code).max(2) + 1);
    let code = code.trim_end_matches('\n');
    format!("{fence}{}\n{code}\n{fence}\n", one_line(language))
}

/// A dataset's link: a URL as it is, a Hub id as its Hub page.
pub fn dataset_link(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() || link.contains(char::is_whitespace) {
        None
    } else if link.starts_with("http://") || link.starts_with("https://") {
        Some(link.to_owned())
    } else {
        Some(format!("https://huggingface.co/datasets/{link}"))
    }
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Indents every line after the first, so multi-line text stays inside a list item.
fn indent_continuation(text: &str, indent: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            if index == 0 || line.is_empty() { line.to_owned() } else { format!("{indent}{line}") }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table cell: one line, with pipes escaped so they cannot end the cell.
fn table_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_hub_dataset_ids_to_the_hub() {
        assert_eq!(
            dataset_link("imagenet-1k").as_deref(),
            Some("https://huggingface.co/datasets/imagenet-1k")
        );
        assert_eq!(dataset_link("https://x.org/d").as_deref(), Some("https://x.org/d"));
        assert_eq!(dataset_link("not a link"), None);
    }

    #[test]
    fn fences_code_longer_than_any_backtick_run_inside() {
        assert_eq!(
            code_block("markdown", "````\nnested\n````"),
            "`````markdown\n````\nnested\n````\n`````\n"
        );
    }
}
