//! How complete a card is: required and recommended fields filled, per section and
//! overall. Example text from templates never counts as content.

use super::Card;
use super::fields::{self, Level, SectionId};

/// A required or recommended field (or list) that has no content yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The field's path, which is also the DOM id of its control.
    pub path: &'static str,
    pub label: &'static str,
    pub level: Level,
    pub section: SectionId,
    /// The field holds template example text that is still to be replaced.
    pub has_example: bool,
}

impl Missing {
    /// Its entry in the "missing" list: "Contact (required)", or "Summary (recommended,
    /// replace the example)" while it holds template example text.
    pub fn describe(&self) -> String {
        let level = if self.level == Level::Required { "required" } else { "recommended" };
        let note = if self.has_example { ", replace the example" } else { "" };
        format!("{} ({level}{note})", self.label)
    }
}

/// The score of one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScore {
    pub section: SectionId,
    pub filled: usize,
    pub total: usize,
    pub missing: Vec<Missing>,
}

impl SectionScore {
    /// Whole percent, rounded down so that 100 means everything is there. `None` when the
    /// section has nothing that counts.
    pub fn percent(&self) -> Option<u8> {
        percent(self.filled, self.total)
    }
}

/// The score of a whole card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    pub sections: Vec<SectionScore>,
}

impl Completeness {
    pub fn assess(card: &Card) -> Self {
        let sections = fields::SECTIONS
            .iter()
            .map(|section| {
                let mut score =
                    SectionScore { section: section.id, filled: 0, total: 0, missing: Vec::new() };
                for field in
                    fields::in_section(section.id).filter(|f| f.level.counts() && f.is_shown(card))
                {
                    score.total += 1;
                    if field.has_content(card) {
                        score.filled += 1;
                    } else {
                        let has_example = field.has_example(card);
                        score.missing.push(Missing {
                            path: field.path,
                            label: field.label,
                            level: field.level,
                            section: section.id,
                            has_example,
                        });
                    }
                }
                for list in
                    fields::LISTS.iter().filter(|l| l.section() == section.id && l.level().counts())
                {
                    score.total += 1;
                    if list.has_content(card) {
                        score.filled += 1;
                    } else {
                        score.missing.push(Missing {
                            path: list.path(),
                            label: list.label(),
                            level: list.level(),
                            section: section.id,
                            has_example: false,
                        });
                    }
                }
                score
            })
            .collect();
        Self { sections }
    }

    pub fn filled(&self) -> usize {
        self.sections.iter().map(|s| s.filled).sum()
    }

    pub fn total(&self) -> usize {
        self.sections.iter().map(|s| s.total).sum()
    }

    /// The overall score in whole percent, rounded down.
    pub fn percent(&self) -> u8 {
        percent(self.filled(), self.total()).unwrap_or(100)
    }

    /// Everything still missing, required items first, then in section order.
    pub fn missing(&self) -> Vec<&Missing> {
        let mut missing: Vec<&Missing> = self.sections.iter().flat_map(|s| &s.missing).collect();
        crate::order::sort_by_key(&mut missing, |m| m.level);
        missing
    }

    /// "Nothing missing", "1 item missing", "4 items missing".
    pub fn missing_summary(&self) -> String {
        match self.sections.iter().map(|s| s.missing.len()).sum::<usize>() {
            0 => "Nothing missing".to_owned(),
            1 => "1 item missing".to_owned(),
            n => format!("{n} items missing"),
        }
    }

    pub fn missing_required(&self) -> impl Iterator<Item = &Missing> {
        self.sections.iter().flat_map(|s| &s.missing).filter(|m| m.level == Level::Required)
    }
}

fn percent(filled: usize, total: usize) -> Option<u8> {
    (total > 0).then(|| u8::try_from(filled * 100 / total).unwrap_or(100))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::templates::Template;
    use crate::card::{MetricResult, example_text};

    #[test]
    fn the_missing_list_says_how_much_and_what_each_item_needs() {
        let blank = Completeness::assess(&Card::default());
        let count = blank.missing().len();
        assert_eq!(blank.missing_summary(), format!("{count} items missing"));
        assert_eq!(blank.missing()[0].describe(), "Name (required)");
        let summary = blank.missing().into_iter().find(|m| m.label == "Summary").unwrap();
        assert_eq!(summary.describe(), "Summary (recommended)");
        let mut example = summary.clone();
        example.has_example = true;
        assert_eq!(example.describe(), "Summary (recommended, replace the example)");

        let full = Completeness::assess(&crate::card::example::filled_card());
        assert_eq!(full.missing_summary(), "Nothing missing");
        let mut one = full.clone();
        one.sections[0].missing.push(summary.clone());
        assert_eq!(one.missing_summary(), "1 item missing");
    }

    #[test]
    fn a_blank_card_scores_zero_and_misses_every_required_field() {
        let score = Completeness::assess(&Card::default());
        assert_eq!(score.percent(), 0);
        let required: Vec<_> = score.missing_required().map(|m| m.label).collect();
        assert_eq!(
            required,
            [
                "Name",
                "Description",
                "Version",
                "Licence",
                "Contact",
                "Primary intended uses",
                "Out-of-scope uses",
                "Metrics",
                "Limitations"
            ]
        );
    }

    #[test]
    fn filling_fields_raises_the_score() {
        let mut card = Card::default();
        let before = Completeness::assess(&card).filled();
        card.model_details.name = "ImageClassifier".into();
        card.quantitative_analysis.results.push(MetricResult::new("accuracy", "0.92"));
        let after = Completeness::assess(&card);
        assert_eq!(after.filled(), before + 2);
        assert!(!after.missing_required().any(|m| m.label == "Name" || m.label == "Metrics"));
    }

    #[test]
    fn example_text_does_not_count_and_is_flagged() {
        let mut card = Card::default();
        card.model_details.description = example_text("Describe the model.");
        let score = Completeness::assess(&card);
        let description = score.missing().into_iter().find(|m| m.label == "Description").unwrap();
        assert!(description.has_example);
    }

    #[test]
    fn a_metric_needs_a_name_and_a_value() {
        let mut card = Card::default();
        card.quantitative_analysis.results.push(MetricResult::new("accuracy", ""));
        assert!(Completeness::assess(&card).missing_required().any(|m| m.label == "Metrics"));
    }

    #[test]
    fn the_licence_name_counts_only_for_other_licences() {
        let mut card = Card::default();
        card.model_details.license.id = "mit".into();
        let mit_total = Completeness::assess(&card).total();
        card.model_details.license.id = "other".into();
        let other = Completeness::assess(&card);
        assert_eq!(other.total(), mit_total + 2);
        assert!(other.missing_required().any(|m| m.label == "Licence name"));
    }

    #[test]
    fn a_fully_filled_card_scores_100() {
        let card = crate::card::example::filled_card();
        let score = Completeness::assess(&card);
        assert_eq!(score.missing(), Vec::<&Missing>::new());
        assert_eq!(score.percent(), 100);
    }

    #[test]
    fn templates_score_only_what_is_not_example_text() {
        for template in Template::ALL {
            let score = Completeness::assess(&template.card());
            assert!(score.percent() < 100, "{} counts its examples", template.name());
        }
    }

    #[test]
    fn rounds_down_so_100_means_done() {
        assert_eq!(percent(199, 200), Some(99));
        assert_eq!(percent(0, 0), None);
    }
}
