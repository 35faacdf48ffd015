namespace Monitoring.Access.Scope;

/// <summary>
/// Who is asking and over which territory. Every query takes one; the query layer refuses anything outside it.
/// region_code is the planner's region; ats_code the ATS of a planner_ats, coordinator or case manager;
/// operator_key the case manager's own pseudonymous key.
/// </summary>
public sealed record UserScope(string Role, string? RegionCode = null, string? AtsCode = null, string? OperatorKey = null)
{
    public static readonly UserScope Public = new(UserRole.Public);
    public static readonly UserScope Ministry = new(UserRole.Ministry);

    public bool IsPublic => Role == UserRole.Public;

    /// <summary>A scope that names a territory it needs but lacks it is treated as public: never more access by omission.</summary>
    public UserScope Normalized() => Role switch
    {
        UserRole.Ministry => this,
        UserRole.PlannerRegion when !string.IsNullOrEmpty(RegionCode) => this,
        UserRole.PlannerAts or UserRole.Coordinator when !string.IsNullOrEmpty(AtsCode) => this,
        UserRole.CaseManager when !string.IsNullOrEmpty(AtsCode) && !string.IsNullOrEmpty(OperatorKey) => this,
        _ => Public,
    };
}
