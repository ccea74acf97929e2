//! Undo and redo of edits. Before a burst of edits the value is kept as one undo entry, so
//! undoing a typed sentence takes one keystroke, not one per letter. A burst ends when
//! editing pauses for [`PAUSE_MS`].

/// How long editing must pause for the next edit to start a new undo entry.
pub const PAUSE_MS: u64 = 1_000;
/// Undo entries kept; older ones are forgotten.
pub const LIMIT: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    /// When the last edit was made, while a burst is going on.
    last_edit: Option<u64>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self { past: Vec::new(), future: Vec::new(), last_edit: None }
    }
}

impl<T: Clone> History<T> {
    /// Call before an edit is applied to `current`, at time `now` (ms).
    pub fn before_edit(&mut self, current: &T, now: u64) {
        let in_burst = self.last_edit.is_some_and(|last| now.saturating_sub(last) < PAUSE_MS);
        if !in_burst {
            self.past.push(current.clone());
            if self.past.len() > LIMIT {
                self.past.remove(0);
            }
        }
        self.last_edit = Some(now);
        self.future.clear();
    }

    /// The value before the last entry, given the value now; `None` when there is none.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop()?;
        self.future.push(current);
        self.last_edit = None;
        Some(previous)
    }

    /// The value the last undo went back from; `None` when there is none.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current);
        self.last_edit = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Forgets every entry, e.g. when another draft opens.
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Types `text` into `value` a letter at a time, `gap` ms apart, starting at `start`.
    fn type_text(
        history: &mut History<String>,
        value: &mut String,
        text: &str,
        start: u64,
        gap: u64,
    ) {
        for (i, c) in text.chars().enumerate() {
            history.before_edit(value, start + i as u64 * gap);
            value.push(c);
        }
    }

    #[test]
    fn a_burst_of_typing_is_one_entry() {
        let mut history = History::default();
        let mut value = String::new();
        type_text(&mut history, &mut value, "Hello", 0, 100);
        type_text(&mut history, &mut value, " world", 5_000, 100);
        assert_eq!(value, "Hello world");

        let value = history.undo(value).unwrap();
        assert_eq!(value, "Hello");
        let value = history.undo(value).unwrap();
        assert_eq!(value, "");
        assert!(!history.can_undo());
        assert_eq!(history.undo(value.clone()), None);

        let value = history.redo(value).unwrap();
        assert_eq!(value, "Hello");
        let value = history.redo(value).unwrap();
        assert_eq!(value, "Hello world");
        assert!(!history.can_redo());
    }

    #[test]
    fn an_edit_after_undo_drops_the_redo_entries() {
        let mut history = History::default();
        let mut value = String::from("a");
        type_text(&mut history, &mut value, "b", 0, 10);
        let mut value = history.undo(value).unwrap();
        assert!(history.can_redo());
        type_text(&mut history, &mut value, "c", 10_000, 10);
        assert!(!history.can_redo());
        assert_eq!(value, "ac");
        assert_eq!(history.undo(value).unwrap(), "a");
    }

    #[test]
    fn typing_right_after_an_undo_starts_a_new_entry() {
        let mut history = History::default();
        let mut value = String::new();
        type_text(&mut history, &mut value, "ab", 0, 10);
        let mut value = history.undo(value).unwrap();
        type_text(&mut history, &mut value, "x", 30, 10);
        assert_eq!(history.undo(value).unwrap(), "");
    }

    #[test]
    fn only_the_last_entries_are_kept() {
        let mut history = History::default();
        let mut value = 0u32;
        for edit in 0..(LIMIT as u32 + 50) {
            history.before_edit(&value, u64::from(edit) * 10_000);
            value += 1;
        }
        let mut undone = 0;
        while let Some(previous) = history.undo(value) {
            value = previous;
            undone += 1;
        }
        assert_eq!(undone, LIMIT);
        assert_eq!(value, 50);
    }
}
