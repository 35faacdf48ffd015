namespace Monitoring.Access.Scope;

/// <summary>The roles the dashboards know; the strings are the claim values (OIDC providers map onto them).</summary>
public static class UserRole
{
    public const string Ministry = "ministry";
    public const string PlannerRegion = "planner_region";
    public const string PlannerAts = "planner_ats";
    public const string Coordinator = "coordinator";
    public const string CaseManager = "case_manager";
    public const string Public = "public";

    public static readonly IReadOnlyList<string> All = [Ministry, PlannerRegion, PlannerAts, Coordinator, CaseManager, Public];
}
