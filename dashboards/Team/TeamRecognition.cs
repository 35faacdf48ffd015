using Monitoring.Dashboards.Auth;
using Monitoring.Dashboards.Queries;
using Monitoring.Warehouse.Pseudonyms;

namespace Monitoring.Dashboards.Team;

/// <summary>
/// Lets a coordinator pick out a team member by the GePI operator id they know: the server computes the same keyed
/// pseudonym the pipeline wrote (same key, read the same way: MONITORING_PSEUDONYM_KEY, _FILE, or the demo key in
/// demo mode) and answers with the pseudonymous label to mark. Nothing is stored; an id outside the coordinator's
/// ATS answers "not in your ATS" whether or not it exists elsewhere; every lookup is audit-logged without the id.
/// </summary>
public sealed class TeamRecognition(DashboardQueries queries, AuthOptions auth, ILoggerFactory logs)
{
    /// <summary>The pseudonym domain of operators, as the export contract declares it for operator_id.</summary>
    public const string OperatorDomain = "operator";

    private readonly ILogger _audit = logs.CreateLogger("Monitoring.Dashboards.Audit");
    private readonly Lazy<Pseudonymizer?> _pseudonymizer = new(() =>
    {
        try { return new Pseudonymizer(PseudonymKey.Resolve(auth.DemoEnabled)); }
        catch (InvalidOperationException) { return null; }   // no key configured: the lookup says it is unavailable
    });

    public enum Outcome { Found, NotInAts, Unavailable }

    /// <summary>Looks a typed GePI id up for the coordinator's ATS; returns the label to mark when found.</summary>
    public (Outcome Outcome, string? Label) Lookup(UserScope scope, string ats, string gepiId)
    {
        var pseudonymizer = _pseudonymizer.Value;
        Outcome outcome;
        string? label = null;
        if (pseudonymizer is null) outcome = Outcome.Unavailable;
        else
        {
            var key = pseudonymizer.Pseudonym(OperatorDomain, gepiId.Trim());
            var found = queries.Team.IsOperatorOfAts(scope, ats, key);   // throws ScopeViolation outside the caller's ATS
            outcome = found ? Outcome.Found : Outcome.NotInAts;
            if (found) label = CaseManagerLabel.Of(key);
        }
        // The audit line names who asked (role, ATS) and the outcome, never the id nor its pseudonym.
        _audit.LogInformation("team lookup: role {Role} of ATS {Ats} asked for an operator id; outcome {Outcome}", scope.Role, ats, outcome);
        return (outcome, label);
    }
}
