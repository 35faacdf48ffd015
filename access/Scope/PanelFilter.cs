using System.Globalization;

namespace Monitoring.Access.Scope;

/// <summary>
/// The URL filters every page and CSV endpoint shares (?month=&amp;region=&amp;ats=&amp;indicator=&amp;growth=&amp;lang=).
/// Values are untrusted input: the query layer validates them against its scope, and SQL only sees them as parameters.
/// </summary>
public sealed record PanelFilter
{
    public string? Month { get; init; }
    public string? Region { get; init; }
    public string? Ats { get; init; }
    public string? Indicator { get; init; }
    /// <summary>The dimension picker's dimension (a catalogue dimension id the indicator is published by; else 400).</summary>
    public string? Dimension { get; init; }
    public const double MinGrowth = -90, MaxGrowth = 500;

    /// <summary>Caseload what-if for the staffing planner, in percent (always finite, within MinGrowth..MaxGrowth).</summary>
    public double Growth { get; init; }
    public string Lang { get; init; } = "it";
    /// <summary>Flag episodes: a follow-up status (open, contacted, …), an age band (0-3, 4-6, 7-12, 13+), one episode's id.</summary>
    public string? Status { get; init; }
    public string? Age { get; init; }
    public string? Episode { get; init; }
    /// <summary>The planner's what-if (issue 16): move <c>move_fte</c> FTE from ATS <c>move_from</c> (or "new" hires) to ATS
    /// <c>move_to</c>. Kept as typed: <see cref="WhatIfQueries"/> validates them against the scope and refuses anything else.</summary>
    public string? MoveFrom { get; init; }
    public string? MoveTo { get; init; }
    public string? MoveFte { get; init; }

    public static PanelFilter From(Func<string, string?> get)
    {
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        // NaN and ±Infinity parse as doubles ("NaN", "Infinity", "1e999"): not a caseload change, so 0; finite values are
        // clamped to the form's range (Math.Clamp would pass NaN through).
        var growth = double.TryParse(get("growth"), NumberStyles.Float, CultureInfo.InvariantCulture, out var g) && double.IsFinite(g)
            ? Math.Clamp(g, MinGrowth, MaxGrowth) : 0;
        var lang = get("lang") == "en" ? "en" : "it";
        return new PanelFilter
        {
            Month = Clean(get("month")),
            Region = Clean(get("region")),
            Ats = Clean(get("ats")),
            Indicator = Clean(get("indicator")),
            Dimension = Clean(get("dimension")),
            Growth = growth,
            Lang = lang,
            Status = Clean(get("status")),
            Age = Clean(get("age")),
            Episode = Clean(get("episode")),
            MoveFrom = Clean(get("move_from")),
            MoveTo = Clean(get("move_to")),
            MoveFte = Clean(get("move_fte")),
        };
    }
}
