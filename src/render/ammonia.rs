//! The ammonia sanitizer, configured from [`super::policy`]: natively, and for exports.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::policy;

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(policy::TAGS.iter().copied().collect())
        .clean_content_tags(HashSet::from(["script", "style", "template", "textarea", "title"]))
        .generic_attributes(policy::GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(
            policy::TAG_ATTRIBUTES
                .iter()
                .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
                .collect::<HashMap<_, _>>(),
        )
        .url_schemes(policy::LINK_SCHEMES.iter().copied().chain(["data"]).collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some(policy::LINK_REL))
        .strip_comments(true)
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if !policy::is_embedded_image(value) => {
                Some(policy::IMAGE_PLACEHOLDER.into())
            }
            // `data:` is allowed above only so that embedded images survive.
            (_, "href")
                if value.trim_start().get(..5).is_some_and(|s| s.eq_ignore_ascii_case("data:")) =>
            {
                None
            }
            _ => Some(value.into()),
        });
    builder
});

pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}
