namespace Monitoring.Access.Views;

/// <summary>A column: a stable key (the CSV header), the label shown on screen, and how numbers are written.</summary>
/// <param name="Format">text, count (whole number), number (2 decimals), percent (a 0–1 share shown ×100 with %), days, eur (whole euros), eur2 (euros and cents), date (an ISO date shown as the reader writes it).</param>
public sealed record GridColumn(string Key, string Label, string Format = "text");
