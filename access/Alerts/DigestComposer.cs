using System.Text;
using Monitoring.DataDir.Alerts;

namespace Monitoring.Access.Alerts;

/// <summary>
/// Writes a subscriber's digest from the alerts their stored scope may see (<see cref="AlertFeed"/>, hence the dashboards'
/// scope rules) that no earlier digest delivered. Codes and aggregates only: indicator, ATS, region, month, severity,
/// status, counts per kind and links — no name, no e-mail, no note typed by a user.
/// </summary>
public sealed class DigestComposer(AlertFeed feed)
{
    /// <summary>A first digest also carries what happened in the week before subscribing.</summary>
    public static readonly TimeSpan FirstDigestLookback = TimeSpan.FromDays(7);

    /// <summary>At most this many alerts are written out; the counts and the inbox link cover the rest.</summary>
    public const int MaxLines = 200;

    /// <summary>The digest, or null when there is nothing new for this subscriber (or their scope is no longer valid).</summary>
    public AlertDigest? Compose(AlertSubscription subscription, IReadOnlySet<string> alreadySent, string dashboardUrl)
    {
        var scope = new UserScope(subscription.Role, subscription.RegionCode, subscription.AtsCode, subscription.OperatorKey).Normalized();
        if (scope.IsPublic) return null;
        var since = subscription.SubscribedAt - FirstDigestLookback;
        var window = DateTime.UtcNow - AlertFeed.InboxWindow;
        // Alarms first, then episodes, changes and operations: what matters most survives the line limit.
        var items = feed.For(scope, since > window ? since : window).Where(i => !alreadySent.Contains(i.Id))
            .OrderBy(i => Array.IndexOf(AlertItem.Kinds, i.Kind)).ThenByDescending(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (items.Count == 0) return null;

        var lang = subscription.Lang == "en" ? "en" : "it";
        string T(string key) => AlertLabels.T(lang, key);
        var root = dashboardUrl.TrimEnd('/');
        string Url(string path) => root + path + (lang == "en" ? (path.Contains('?') ? "&" : "?") + "lang=en" : "");

        var body = new StringBuilder();
        body.AppendLine(string.Format(T("digest.intro"), ScopeText(scope, lang))).AppendLine();
        body.AppendLine(T("digest.counts"));
        foreach (var kind in AlertItem.Kinds)
            if (items.Count(i => i.Kind == kind) is var n and > 0)
                body.AppendLine($"  {T("digest.count." + kind)}: {NumberText.Number(n, "count", lang)}");
        body.AppendLine();
        foreach (var item in items.Take(MaxLines))
            body.AppendLine($"- {item.At:yyyy-MM-dd HH:mm} UTC · {AlertText.Describe(item, lang)}").AppendLine($"  {Url(item.Link)}");
        body.AppendLine().AppendLine(string.Format(T("digest.inbox"), Url("/alerts")));
        body.AppendLine(T("digest.footer"));

        return new AlertDigest(string.Format(T("digest.subject"), items.Count), body.ToString(), items.Select(i => i.Id).ToList());
    }

    private static string ScopeText(UserScope scope, string lang) => Labels.T(lang, "role." + scope.Role) + scope.Role switch
    {
        UserRole.PlannerRegion => " " + scope.RegionCode,
        UserRole.Ministry => "",
        _ => " " + scope.AtsCode,
    };
}
