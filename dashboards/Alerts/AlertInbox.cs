using Monitoring.Dashboards.Queries;
using Monitoring.DataDir.Alerts;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Dashboards.Alerts;

/// <summary>
/// A signed-in user's inbox: the scope's alerts (<see cref="AlertFeed"/>) with that user's read marks
/// (<see cref="InboxStore"/>), and their e-mail subscription (<see cref="SubscriptionStore"/>). The user is the id claim
/// of the session, never a parameter, so no request can open someone else's inbox.
/// </summary>
public sealed class AlertInbox(AlertFeed feed, DataDirectory dir)
{
    public InboxStore Reads { get; } = new(dir);
    public SubscriptionStore Subscriptions { get; } = new(dir);
    public DigestStateStore Digests { get; } = new(dir);

    public sealed record View(IReadOnlyList<AlertItem> Items, IReadOnlySet<string> Read)
    {
        public bool IsRead(AlertItem item) => Read.Contains(item.Id);
        public int Unread => Items.Count(i => !Read.Contains(i.Id));
    }

    public View For(UserScope scope, string userId, PanelFilter? narrow = null) =>
        new(feed.For(scope, DateTime.UtcNow - AlertFeed.InboxWindow, narrow), Reads.ReadIds(userId));

    /// <summary>Marks alerts read; an id that is not in the caller's own inbox is refused (a tampered form).</summary>
    public void MarkRead(UserScope scope, string userId, IReadOnlyCollection<string> ids, bool all)
    {
        var listed = For(scope, userId).Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = ids.FirstOrDefault(id => !listed.Contains(id));
        if (unknown is not null) throw new ScopeViolation(scope.Role, "an alert outside its inbox");
        Reads.MarkRead(userId, all ? listed : ids, listed);
    }

    public void Subscribe(UserScope scope, string userId, string email, string lang)
    {
        var previous = Subscriptions.Get(userId);
        Subscriptions.Save(new AlertSubscription(AlertUserKey.Of(userId), email.Trim(), lang == "en" ? "en" : "it", scope.Role,
            scope.RegionCode, scope.AtsCode, scope.OperatorKey, previous?.SubscribedAt ?? DateTime.UtcNow));
    }

    /// <summary>True when the digest for this user is waiting for a failed delivery to be retried.</summary>
    public bool DigestPending(string userId) => Digests.Get(AlertUserKey.Of(userId)).PendingSince is not null;
}
