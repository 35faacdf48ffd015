using System.Text.Json;

namespace Monitoring.Tools.Generate;

/// <summary>
/// `&lt;out&gt;.truth.json`, next to (never inside) the export: which ATS were made slow, understaffed or
/// noisy, the month without case managers, the moves and mergers — what the red flags should find.
/// </summary>
internal static class TruthWriter
{
    public static void Write(string path, GeneratorOptions options, Territory t)
    {
        var gap = t.Units.FirstOrDefault(u => u.HasStaffingGap);
        var truth = new Dictionary<string, object?>
        {
            ["preset"] = options.Preset.ToString().ToLowerInvariant(),
            ["seed"] = options.Seed,
            ["reference_date"] = $"{t.ReferenceDate:yyyy-MM-dd}",
            ["first_month"] = $"{t.WindowStart:yyyy-MM}",
            ["slow_ats"] = t.Units.Where(u => u.Profile == AtsProfile.Slow).Select(u => u.Code).ToList(),
            ["understaffed_ats"] = t.Units.Where(u => u.Profile == AtsProfile.Understaffed).Select(u => u.Code).ToList(),
            ["noisy_ats"] = t.Units.Where(u => u.Profile == AtsProfile.Noisy).Select(u => u.Code).ToList(),
            ["no_case_manager_months"] = gap is null ? new List<object>() : new List<object>
            {
                new Dictionary<string, string> { ["ats_code"] = gap.Code, ["month"] = $"{t.GapMonth:yyyy-MM}" },
            },
            ["moved_municipalities"] = t.Moves.Select(m => new Dictionary<string, string>
            {
                ["municipality_code"] = m.Municipality.Code, ["from_ats"] = m.FromAts, ["to_ats"] = m.ToAts,
                ["date"] = $"{m.Date:yyyy-MM-dd}",
            }).ToList(),
            ["merged_municipalities"] = t.Mergers.Select(m => new Dictionary<string, string>
            {
                ["municipality_code"] = m.Absorbed.Code, ["into_municipality_code"] = m.Into.Code, ["ats_code"] = m.AtsCode,
                ["date"] = $"{m.Date:yyyy-MM-dd}",
            }).ToList(),
            ["ats"] = t.Units.Select(u => new Dictionary<string, object>
            {
                ["ats_code"] = u.Code, ["profile"] = u.Profile.ToString().ToLowerInvariant(), ["population_2011"] = u.Population,
                ["households"] = u.Households, ["case_manager_posts"] = u.CaseManagerSlots, ["lag_factor"] = Math.Round(u.LagFactor, 3),
            }).ToList(),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(truth, new JsonSerializerOptions { WriteIndented = true }));
    }
}
