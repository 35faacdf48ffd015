namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// What indicators-v1.md says is never public, whatever the catalogue's is_public says: case-manager level, and
/// staffing at ATS level (a small ATS's staffing numbers describe a handful of named employees).
/// </summary>
public static class NeverPublic
{
    public static readonly IReadOnlySet<string> AtsStaffing = new HashSet<string>(StringComparer.Ordinal)
    {
        "case_managers_active", "case_manager_fte", "residents_per_case_manager", "open_cases_per_case_manager",
        "cases_processed_per_case_manager",
    };

    public static readonly IReadOnlyList<string> PublishedLevels = ["national", "region", "ats"];

    public static bool Allows(string indicatorId, string level) =>
        PublishedLevels.Contains(level) && !(level == "ats" && AtsStaffing.Contains(indicatorId));
}
