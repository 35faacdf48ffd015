using System.Text.Json;

namespace Monitoring.Dashboards.Staffing;

/// <summary>
/// The yearly cost of one full-time social worker, read from <c>reference/staffing-cost.json</c> (embedded by the build)
/// with its source. Today it is the Law 178/2020 c. 797 contribution per FTE (€40,000), standing in for a labour cost
/// the reference data does not have yet; the file says so, and changing it there changes every panel that turns money
/// into hires (budget by fund, what-if).
/// </summary>
public static class StaffingCost
{
    public const string ResourceName = "Monitoring.Dashboards.staffing-cost.json";

    private static readonly Lazy<(double Eur, string Source)> Loaded = new(() =>
    {
        using var stream = typeof(StaffingCost).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded (reference/staffing-cost.json)");
        using var doc = JsonDocument.Parse(stream);
        var eur = doc.RootElement.GetProperty("cost_per_fte_eur_year").GetDouble();
        if (!double.IsFinite(eur) || eur <= 0) throw new InvalidOperationException("reference/staffing-cost.json: cost_per_fte_eur_year must be a positive number");
        return (eur, doc.RootElement.GetProperty("source").GetString() ?? "");
    });

    /// <summary>Euros a year for one FTE (36 hours a week).</summary>
    public static double PerFteEur => Loaded.Value.Eur;

    /// <summary>Where the figure comes from (shown with it).</summary>
    public static string Source => Loaded.Value.Source;
}
