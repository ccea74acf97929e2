//! Plots embedded in a card (Model Card Toolkit's base64 graphics), as figures. Only
//! images whose bytes say they are PNG, JPEG, GIF or WebP are shown; anything else is
//! named but not displayed.

use super::SafeHtml;
use super::markup::Markup;
use crate::card::Graphic;

/// The image type of base64 data, by its first bytes.
fn image_type(base64: &str) -> Option<&'static str> {
    let b64 = base64.trim_start();
    let is_base64 = b64
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'\n' | b'\r'));
    if !is_base64 {
        return None;
    }
    [
        ("iVBORw0KGgo", "image/png"),
        ("/9j/", "image/jpeg"),
        ("R0lGOD", "image/gif"),
        ("UklGR", "image/webp"),
    ]
    .into_iter()
    .find(|(magic, _)| b64.starts_with(magic))
    .map(|(_, mime)| mime)
}

/// The graphics as figures with captions, or `None` when there are none.
pub fn figures(graphics: &[Graphic]) -> Option<SafeHtml> {
    if graphics.is_empty() {
        return None;
    }
    let mut m = Markup::default();
    m.open("div", &[("class", "graphics".into())]);
    for graphic in graphics {
        m.open("figure", &[("class", "graphic".into())]);
        match image_type(&graphic.image) {
            Some(mime) => {
                let data: String = graphic.image.chars().filter(|c| !c.is_whitespace()).collect();
                m.empty(
                    "img",
                    &[("src", format!("data:{mime};base64,{data}")), ("alt", graphic.name.clone())],
                );
            }
            None => m.element(
                "p",
                &[("class", "graphic-missing".into())],
                "This image is not in a format that can be shown.",
            ),
        }
        m.element("figcaption", &[], &graphic.name);
        m.close("figure");
    }
    m.close("div");
    Some(SafeHtml(m.into_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_known_images_and_names_the_rest() {
        let html = figures(&[
            Graphic { name: "Size".into(), image: "iVBORw0KGgoAAAANSUhEUg==".into() },
            Graphic { name: "<b>Bad</b>".into(), image: "PHNjcmlwdD4=".into() },
        ])
        .unwrap()
        .into_string();
        assert!(html.contains("src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==\""), "{html}");
        assert!(html.contains("This image is not in a format that can be shown."));
        assert!(html.contains("&lt;b&gt;Bad&lt;/b&gt;") && !html.contains("<b>"), "{html}");
        assert_eq!(figures(&[]), None);
    }
}
