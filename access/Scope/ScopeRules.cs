namespace Monitoring.Access.Scope;

/// <summary>
/// The access rules, in one place. Each Require* either returns or throws ScopeViolation.
/// ministry: everything except case-manager level; planner_region: its region and the ATS in it;
/// planner_ats: its ATS; coordinator: its ATS and that ATS's case managers; case_manager: its own cases;
/// everyone may compare with the national value and with the region their territory belongs to.
/// public: national and regional values of public indicators only (PublicQueries applies disclosure control).
/// </summary>
public sealed class ScopeRules(MetaQueries meta)
{
    public void RequireRole(UserScope scope, string what, params string[] roles)
    {
        if (!roles.Contains(scope.Role)) throw new ScopeViolation(scope.Role, what);
    }

    public void RequireSignedIn(UserScope scope, string what)
    {
        if (scope.IsPublic) throw new ScopeViolation(scope.Role, what);
    }

    /// <summary>Region-level values (non-public panels).</summary>
    public void RequireRegion(UserScope scope, string region, string what)
    {
        var ok = scope.Role switch
        {
            UserRole.Ministry => true,
            UserRole.PlannerRegion => scope.RegionCode == region,
            UserRole.PlannerAts or UserRole.Coordinator or UserRole.CaseManager =>
                scope.AtsCode is not null && meta.RegionOfAts(scope.AtsCode) == region,
            _ => false,
        };
        if (!ok) throw new ScopeViolation(scope.Role, $"{what} for region {region}");
    }

    /// <summary>ATS-level values (never public).</summary>
    public void RequireAts(UserScope scope, string ats, string what)
    {
        if (!MaySeeAts(scope, ats)) throw new ScopeViolation(scope.Role, $"{what} for ATS {ats}");
    }

    /// <summary>The rule of <see cref="RequireAts"/> as a test, for lists that keep only what the caller may see (alerts).</summary>
    public bool MaySeeAts(UserScope scope, string ats) => scope.Role switch
    {
        UserRole.Ministry => true,
        UserRole.PlannerRegion => scope.RegionCode is not null && meta.RegionOfAts(ats) == scope.RegionCode,
        UserRole.PlannerAts or UserRole.Coordinator or UserRole.CaseManager => scope.AtsCode == ats,
        _ => false,
    };

    /// <summary>Case-manager-level data of an ATS: its coordinator, or a case manager of that ATS (who then sees only their own rows).</summary>
    public void RequireCaseworkAts(UserScope scope, string ats, string what)
    {
        RequireRole(scope, what, UserRole.Coordinator, UserRole.CaseManager);
        if (scope.AtsCode != ats) throw new ScopeViolation(scope.Role, $"{what} for ATS {ats}");
    }

    /// <summary>The territory a page shows when the URL names none: the caller's own.</summary>
    public (string Level, string Code) DefaultTerritory(UserScope scope, PanelFilter filter)
    {
        if (filter.Ats is not null) return ("ats", filter.Ats);
        if (filter.Region is not null) return ("region", filter.Region);
        return scope.Role switch
        {
            UserRole.PlannerRegion => ("region", scope.RegionCode!),
            UserRole.PlannerAts or UserRole.Coordinator or UserRole.CaseManager => ("ats", scope.AtsCode!),
            _ => ("national", "IT"),
        };
    }

    public void RequireTerritory(UserScope scope, string level, string code, string what)
    {
        switch (level)
        {
            case "ats": RequireAts(scope, code, what); break;
            case "region": RequireRegion(scope, code, what); break;
            case "national": RequireSignedIn(scope, what); break;
            default: throw new ScopeViolation(scope.Role, $"{what} at level {level}");
        }
    }
}
