//! The results chart: one horizontal bar panel per metric, a bar per slice, with
//! confidence-interval error bars and threshold marks, as accessible SVG plus an
//! equivalent data table. Every text and attribute goes through [`Markup`], which escapes.

use super::SafeHtml;
use super::markup::Markup;
use crate::card::MetricResult;
use crate::card::value::number;

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 250.0;
const PLOT_WIDTH: f64 = 320.0;
const BAR_HEIGHT: f64 = 20.0;
const BAR_GAP: f64 = 10.0;
const PANEL_TITLE: f64 = 26.0;
const PANEL_GAP: f64 = 14.0;

/// One plotted result.
#[derive(Debug, Clone, PartialEq)]
struct Bar {
    label: String,
    value: f64,
    ci: Option<(f64, f64)>,
    threshold: Option<f64>,
}

/// The results of one metric, on one scale.
#[derive(Debug, Clone, PartialEq)]
struct Panel {
    metric: String,
    bars: Vec<Bar>,
    min: f64,
    max: f64,
}

fn panels(results: &[MetricResult]) -> Vec<Panel> {
    let mut panels: Vec<Panel> = Vec::new();
    let many_datasets = {
        let mut datasets: Vec<(&str, &str)> =
            results.iter().map(|r| (r.dataset.trim(), r.split.trim())).collect();
        datasets.sort_unstable();
        datasets.dedup();
        datasets.len() > 1
    };
    for result in results {
        let (metric, Some(value)) = (result.metric.trim(), number(&result.value)) else {
            continue;
        };
        if metric.is_empty() {
            continue;
        }
        let mut label = result.slice_label();
        if many_datasets {
            let source = [result.dataset.trim(), result.split.trim()]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !source.is_empty() {
                label = format!("{label} ({source})");
            }
        }
        let ci = number(&result.ci_lower).zip(number(&result.ci_upper));
        let bar = Bar { label, value, ci, threshold: number(&result.threshold) };
        match panels.iter_mut().find(|panel| panel.metric == metric) {
            Some(panel) => panel.bars.push(bar),
            None => panels.push(Panel {
                metric: metric.to_owned(),
                bars: vec![bar],
                min: 0.0,
                max: 0.0,
            }),
        }
    }
    for panel in &mut panels {
        let numbers = panel.bars.iter().flat_map(|bar| {
            let (lower, upper) = bar.ci.unzip();
            [Some(bar.value), lower, upper, bar.threshold].into_iter().flatten()
        });
        let (low, high) = numbers.fold((0.0_f64, 0.0_f64), |(lo, hi), n| (lo.min(n), hi.max(n)));
        // Scores in [0, 1] are drawn on the whole unit scale, so 0.81 looks like 81%.
        panel.min = low;
        panel.max = if low >= 0.0 && high <= 1.0 {
            1.0
        } else if high > low {
            high
        } else {
            low + 1.0
        };
    }
    panels
}

impl Panel {
    fn x(&self, value: f64) -> f64 {
        LABEL_WIDTH + (value - self.min) / (self.max - self.min) * PLOT_WIDTH
    }

    fn height(&self) -> f64 {
        PANEL_TITLE + self.bars.len() as f64 * (BAR_HEIGHT + BAR_GAP)
    }
}

/// The chart of the numeric results, or `None` when no result has a numeric value.
pub fn results_chart(results: &[MetricResult]) -> Option<SafeHtml> {
    let panels = panels(results);
    if panels.is_empty() {
        return None;
    }
    let height: f64 = panels.iter().map(|p| p.height() + PANEL_GAP).sum();
    let mut m = Markup::default();
    m.open("figure", &[("class", "results-chart".into())]);
    m.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".into()),
            ("viewBox", format!("0 0 {WIDTH} {}", fmt(height))),
            ("width", fmt(WIDTH)),
            ("height", fmt(height)),
            ("role", "img".into()),
            ("class", "chart".into()),
            ("font-family", "sans-serif".into()),
            ("font-size", "11".into()),
        ],
    );
    m.element("title", &[], "Results by slice");
    m.element("desc", &[], &describe(&panels));
    let mut top = 0.0;
    for panel in &panels {
        draw_panel(&mut m, panel, top);
        top += panel.height() + PANEL_GAP;
    }
    m.close("svg");
    data_table(&mut m, &panels);
    m.close("figure");
    Some(SafeHtml(m.into_string()))
}

fn draw_panel(m: &mut Markup, panel: &Panel, top: f64) {
    m.open("g", &[("class", "chart-panel".into())]);
    m.element(
        "text",
        &[
            ("x", "0".into()),
            ("y", fmt(top + 16.0)),
            ("class", "chart-title".into()),
            ("font-weight", "bold".into()),
        ],
        &panel.metric,
    );
    // The axis: the plot's zero (or minimum) line.
    let axis_x = panel.x(panel.min.max(0.0).min(panel.max));
    let bottom = top + panel.height();
    m.empty(
        "line",
        &[
            ("x1", fmt(axis_x)),
            ("x2", fmt(axis_x)),
            ("y1", fmt(top + PANEL_TITLE - 4.0)),
            ("y2", fmt(bottom)),
            ("class", "chart-axis".into()),
            ("stroke", "#64748b".into()),
        ],
    );
    for (index, bar) in panel.bars.iter().enumerate() {
        let y = top + PANEL_TITLE + index as f64 * (BAR_HEIGHT + BAR_GAP);
        let middle = y + BAR_HEIGHT / 2.0;
        let (start, end) = (panel.x(panel.min.max(0.0).min(panel.max)), panel.x(bar.value));
        m.element(
            "text",
            &[
                ("x", fmt(LABEL_WIDTH - 8.0)),
                ("y", fmt(middle + 4.0)),
                ("text-anchor", "end".into()),
                ("class", "chart-label".into()),
            ],
            &truncate(&bar.label, 38),
        );
        m.open(
            "rect",
            &[
                ("x", fmt(start.min(end))),
                ("y", fmt(y)),
                ("width", fmt((end - start).abs())),
                ("height", fmt(BAR_HEIGHT)),
                ("class", "chart-bar".into()),
                ("fill", "#2563eb".into()),
                ("data-value", fmt(bar.value)),
            ],
        );
        m.element("title", &[], &format!("{}: {}", bar.label, fmt(bar.value)));
        m.close("rect");
        let mut value_x = end.max(start) + 6.0;
        if let Some((lower, upper)) = bar.ci {
            let (x1, x2) = (panel.x(lower), panel.x(upper));
            let stroke = [
                ("class", "chart-ci".into()),
                ("stroke", "#0f172a".into()),
                ("stroke-width", "1.5".into()),
            ];
            let line = |m: &mut Markup, coords: [f64; 4]| {
                let mut attrs: Vec<(&str, String)> = vec![
                    ("x1", fmt(coords[0])),
                    ("y1", fmt(coords[1])),
                    ("x2", fmt(coords[2])),
                    ("y2", fmt(coords[3])),
                ];
                attrs.extend(stroke.iter().cloned());
                m.empty("line", &attrs);
            };
            line(m, [x1, middle, x2, middle]);
            line(m, [x1, middle - 5.0, x1, middle + 5.0]);
            line(m, [x2, middle - 5.0, x2, middle + 5.0]);
            value_x = value_x.max(x2 + 6.0);
        }
        if let Some(threshold) = bar.threshold {
            let x = panel.x(threshold);
            m.empty(
                "line",
                &[
                    ("x1", fmt(x)),
                    ("x2", fmt(x)),
                    ("y1", fmt(y - 2.0)),
                    ("y2", fmt(y + BAR_HEIGHT + 2.0)),
                    ("class", "chart-threshold".into()),
                    ("stroke", "#c2410c".into()),
                    ("stroke-width", "2".into()),
                    ("stroke-dasharray", "3 2".into()),
                ],
            );
        }
        m.element(
            "text",
            &[
                ("x", fmt(value_x.min(WIDTH - 40.0))),
                ("y", fmt(middle + 4.0)),
                ("class", "chart-value".into()),
            ],
            &fmt(bar.value),
        );
    }
    m.close("g");
}

/// A sentence per metric, for the SVG's `<desc>`.
fn describe(panels: &[Panel]) -> String {
    panels
        .iter()
        .map(|panel| {
            let bars: Vec<String> = panel
                .bars
                .iter()
                .map(|bar| match bar.ci {
                    Some((lower, upper)) => format!(
                        "{} {} (95% CI {} to {})",
                        bar.label,
                        fmt(bar.value),
                        fmt(lower),
                        fmt(upper)
                    ),
                    None => format!("{} {}", bar.label, fmt(bar.value)),
                })
                .collect();
            format!("{}: {}.", panel.metric, bars.join("; "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The same numbers as a table, for screen readers and anyone who prefers numbers.
fn data_table(m: &mut Markup, panels: &[Panel]) {
    m.open("details", &[("class", "chart-data".into())]);
    m.element("summary", &[], "Chart data as a table");
    m.open("table", &[]);
    m.element("caption", &[], "Results by slice");
    m.open("thead", &[]);
    m.open("tr", &[]);
    for header in ["Metric", "Slice", "Value", "95% CI", "Threshold"] {
        m.element("th", &[("scope", "col".into())], header);
    }
    m.close("tr");
    m.close("thead");
    m.open("tbody", &[]);
    for panel in panels {
        for bar in &panel.bars {
            m.open("tr", &[]);
            m.element("td", &[], &panel.metric);
            m.element("td", &[], &bar.label);
            m.element("td", &[], &fmt(bar.value));
            let ci = bar
                .ci
                .map(|(lower, upper)| format!("{} to {}", fmt(lower), fmt(upper)))
                .unwrap_or_default();
            m.element("td", &[], &ci);
            m.element("td", &[], &bar.threshold.map(fmt).unwrap_or_default());
            m.close("tr");
        }
    }
    m.close("tbody");
    m.close("table");
    m.close("details");
}

/// A number as short text: `0.92`, `12.5`, `3`.
fn fmt(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    let text = format!("{rounded}");
    if text == "-0" { "0".to_owned() } else { text }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::SliceTerm;

    fn result(metric: &str, value: &str, slice: &[(&str, &str)]) -> MetricResult {
        MetricResult {
            slice: slice.iter().map(|(f, v)| SliceTerm::new(*f, *v)).collect(),
            ..MetricResult::new(metric, value)
        }
    }

    fn svg_of(html: &SafeHtml) -> roxmltree::Document<'_> {
        let html = html.as_str();
        let start = html.find("<svg").unwrap();
        let end = html.find("</svg>").unwrap() + "</svg>".len();
        roxmltree::Document::parse(&html[start..end]).expect("the chart is well-formed XML")
    }

    fn bar_widths(doc: &roxmltree::Document) -> Vec<f64> {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("chart-bar"))
            .map(|n| n.attribute("width").unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn draws_nothing_without_numeric_results() {
        assert_eq!(results_chart(&[]), None);
        assert_eq!(results_chart(&[MetricResult::new("accuracy", "high")]), None);
    }

    #[test]
    fn is_well_formed_accessible_svg() {
        let chart = results_chart(&[result("accuracy", "0.9", &[])]).unwrap();
        let doc = svg_of(&chart);
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let first = root.first_element_child().unwrap();
        assert_eq!((first.tag_name().name(), first.text()), ("title", Some("Results by slice")));
        assert!(root.children().any(|n| n.tag_name().name() == "desc"));
        assert!(chart.as_str().contains("<table>"), "a data table goes with the chart");
    }

    #[test]
    fn bars_are_proportional_to_the_values() {
        let chart = results_chart(&[
            result("accuracy", "0.8", &[]),
            result("accuracy", "0.4", &[("lighting", "night")]),
            result("accuracy", "0.2", &[("lighting", "night"), ("camera", "old")]),
        ])
        .unwrap();
        let widths = bar_widths(&svg_of(&chart));
        assert_eq!(widths.len(), 3);
        assert!((widths[0] / widths[1] - 2.0).abs() < 1e-3, "{widths:?}");
        assert!((widths[1] / widths[2] - 2.0).abs() < 1e-3, "{widths:?}");
        // Unit-interval scores use the whole unit scale.
        assert!((widths[0] - 0.8 * PLOT_WIDTH).abs() < 1e-3, "{widths:?}");
    }

    #[test]
    fn groups_bars_by_metric_and_labels_them_by_slice() {
        let chart = results_chart(&[
            result("accuracy", "0.9", &[]),
            result("f1", "0.7", &[]),
            result("accuracy", "0.8", &[("gender", "female"), ("age", "18-25")]),
        ])
        .unwrap();
        let doc = svg_of(&chart);
        let titles: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("chart-title"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(titles, ["accuracy", "f1"]);
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("chart-label"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(labels, ["overall", "gender=female, age=18-25", "overall"]);
    }

    #[test]
    fn draws_confidence_intervals_where_given() {
        let mut with_ci = result("accuracy", "0.5", &[]);
        with_ci.ci_lower = "0.25".into();
        with_ci.ci_upper = "0.75".into();
        let chart = results_chart(&[with_ci, result("accuracy", "0.6", &[("a", "b")])]).unwrap();
        let doc = svg_of(&chart);
        let ci: Vec<_> =
            doc.descendants().filter(|n| n.attribute("class") == Some("chart-ci")).collect();
        assert_eq!(ci.len(), 3, "one interval line and two caps, for the one result with a CI");
        let x = |attr: &str| ci[0].attribute(attr).unwrap().parse::<f64>().unwrap();
        assert!((x("x1") - (LABEL_WIDTH + 0.25 * PLOT_WIDTH)).abs() < 1e-3);
        assert!((x("x2") - (LABEL_WIDTH + 0.75 * PLOT_WIDTH)).abs() < 1e-3);
    }

    #[test]
    fn scales_values_above_one_to_the_largest() {
        let chart =
            results_chart(&[result("bleu", "30", &[]), result("bleu", "15", &[("x", "y")])])
                .unwrap();
        let widths = bar_widths(&svg_of(&chart));
        assert!(
            (widths[0] - PLOT_WIDTH).abs() < 1e-3 && (widths[1] - PLOT_WIDTH / 2.0).abs() < 1e-3,
            "{widths:?}"
        );
    }

    #[test]
    fn escapes_hostile_labels() {
        let chart =
            results_chart(&[result("<script>x</script>", "0.5", &[("\"><img onerror=x>", "1")])])
                .unwrap();
        svg_of(&chart);
        assert!(
            !chart.as_str().contains("<script>") && !chart.as_str().contains("<img"),
            "{}",
            chart.as_str()
        );
    }
}
