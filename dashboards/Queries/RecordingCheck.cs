using System.Globalization;

namespace Monitoring.Dashboards.Queries;

/// <summary>
/// The data-quality indicators beside a flag: which of the ATS's are out of range in the flag's month, and whether
/// the flag should be read as "check recording first" — a flag on an activity indicator of an ATS whose recording is
/// itself out of range may show under-recording in GePI rather than under-performance.
/// </summary>
public sealed class RecordingCheck(MetaQueries meta)
{
    public sealed record Finding(string IndicatorId, double Value, double Max);

    /// <summary>The ATS's data-quality indicators above their catalogue limit in the month.</summary>
    public IReadOnlyList<Finding> OutOfRange(string atsCode, string month)
    {
        var values = meta.Values();
        return meta.DataQualityLimits()
            .Select(l => (l, v: values.Get(l.Key, "ats", atsCode, month)?.Value))
            .Where(x => x.v is double d && d > x.l.Value)
            .Select(x => new Finding(x.l.Key, x.v!.Value, x.l.Value))
            .OrderBy(f => f.IndicatorId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A flag of this indicator on this ATS should be checked against recording first: the indicator measures activity
    /// and one of the ATS's recording indicators (data quality at activity level) is out of range. Export timeliness
    /// (input level) is shown beside the flag but does not mark it: the export is national, not the ATS's recording.
    /// </summary>
    public bool CheckRecordingFirst(string indicatorId, IReadOnlyList<Finding> findings) =>
        meta.Indicator(indicatorId)?.LogframeLevel == "activity" && !meta.DataQualityLimits().ContainsKey(indicatorId)
        && findings.Any(f => meta.Indicator(f.IndicatorId)?.LogframeLevel == "activity");

    /// <summary>The findings as short text: "dq_stale_open_cases 0.31 > 0.25; …" (empty when none).</summary>
    public static string Describe(IReadOnlyList<Finding> findings) =>
        string.Join("; ", findings.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.IndicatorId} {f.Value:0.###} > {f.Max:0.###}")));
}
