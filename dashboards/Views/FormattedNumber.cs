namespace Monitoring.Dashboards.Views;

/// <summary>
/// A number that carries its own format, for the few columns whose rows mix formats (the headline tiles, the
/// staffing planner): the CSV writes it in the machine format, the screen in the reader's language.
/// </summary>
public sealed record FormattedNumber(double Value, string Format);
