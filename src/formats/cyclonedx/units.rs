//! The card's numbers are text (`12.5`, as the user wrote it); CycloneDX's energy and CO2
//! figures are JSON numbers, CO2 in tonnes where the card has kilograms. A figure is
//! converted only when converting it back gives the same text, so nothing is rounded
//! away; the decimal point is moved in the digits, never through floating point.

use serde_json::Number;

/// A decimal number as its digits and a power of ten: `12.5` is `125 × 10^-1`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decimal {
    digits: String,
    exponent: i64,
}

impl Decimal {
    /// Reads `12.5`, `0.4`, `31220` or, as JSON may write it, `1.25e-5`. No sign: an
    /// amount of energy or CO2 is never negative.
    fn parse(text: &str) -> Option<Self> {
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty()
            || !all_digits(whole)
            || !all_digits(fraction)
            || mantissa.ends_with('.')
        {
            return None;
        }
        let fraction_len = i64::try_from(fraction.len()).ok()?;
        Some(Self { digits: format!("{whole}{fraction}"), exponent: exponent - fraction_len })
    }

    fn shifted(&self, by: i64) -> Self {
        Self { digits: self.digits.clone(), exponent: self.exponent + by }
    }

    /// Plain decimal notation, without leading zeros: `0.0125`, `31220`, `52.0`.
    fn to_plain(&self) -> String {
        let digits = self.digits.trim_start_matches('0');
        if digits.is_empty() {
            return "0".into();
        }
        let len = i64::try_from(digits.len()).unwrap_or(i64::MAX);
        if self.exponent >= 0 {
            let zeros = usize::try_from(self.exponent).unwrap_or(0);
            format!("{digits}{}", "0".repeat(zeros))
        } else if len > -self.exponent {
            let point = usize::try_from(len + self.exponent).unwrap_or(0);
            let (whole, fraction) = digits.split_at(point.min(digits.len()));
            format!("{whole}.{fraction}")
        } else {
            let zeros = usize::try_from(-self.exponent - len).unwrap_or(0);
            format!("0.{}{digits}", "0".repeat(zeros))
        }
    }
}

/// The JSON number CycloneDX gets for a card's figure, shifted by `10^shift`, when the
/// import's conversion back gives exactly `text`.
fn to_json(text: &str, shift: i64) -> Option<Number> {
    let plain = Decimal::parse(text)?.shifted(shift).to_plain();
    // Whole numbers stay integers in the JSON, as a person would write them.
    let number = match plain.parse::<u64>() {
        Ok(whole) => Number::from(whole),
        Err(_) => Number::from_f64(plain.parse::<f64>().ok()?)?,
    };
    (from_json(&number, -shift).as_deref() == Some(text)).then_some(number)
}

/// The card's text for a CycloneDX number, shifted by `10^shift`.
fn from_json(number: &Number, shift: i64) -> Option<String> {
    Some(Decimal::parse(&number.to_string())?.shifted(shift).to_plain())
}

/// kWh as the card writes them → CycloneDX's `energyMeasure.value`.
pub fn energy_to_bom(kwh: &str) -> Option<Number> {
    to_json(kwh, 0)
}

pub fn energy_from_bom(kwh: &Number) -> Option<String> {
    from_json(kwh, 0)
}

/// kg CO2eq as the card writes them → CycloneDX's `co2Measure.value` in tCO2eq.
pub fn co2_to_bom(kg: &str) -> Option<Number> {
    to_json(kg, -3)
}

pub fn co2_from_bom(tonnes: &Number) -> Option<String> {
    from_json(tonnes, 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kilograms_become_tonnes_and_back_without_rounding() {
        assert_eq!(co2_to_bom("12.5").map(|n| n.to_string()).as_deref(), Some("0.0125"));
        assert_eq!(co2_from_bom(&Number::from_f64(31.22).unwrap()).as_deref(), Some("31220"));
        assert_eq!(co2_from_bom(&Number::from_f64(0.0000125).unwrap()).as_deref(), Some("0.0125"));
        assert_eq!(energy_to_bom("0.4").map(|n| n.to_string()).as_deref(), Some("0.4"));
        assert_eq!(energy_from_bom(&Number::from(52)).as_deref(), Some("52"));
        // Text that would not come back as written stays text.
        assert_eq!(energy_to_bom("52").map(|n| n.to_string()).as_deref(), Some("52"));
        assert_eq!(energy_from_bom(&Number::from_f64(52.0).unwrap()).as_deref(), Some("52.0"));
        assert_eq!(energy_to_bom("52.0").map(|n| n.to_string()).as_deref(), Some("52.0"));
        for text in ["12.50", "about 12", "-3", "1e3", "", "12.", ".5", "12,5"] {
            assert_eq!(co2_to_bom(text), None, "{text}");
        }
    }
}
